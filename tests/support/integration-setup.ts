// Integration tests get a fresh, in-memory IndexedDB per test file.
import 'fake-indexeddb/auto';
