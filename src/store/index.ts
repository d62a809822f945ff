/** The store's public surface: the two backends of the storage port and the schema. */
export { createDexieBackend, openDexie, requestPersistentStorage } from './dexie-backend';
export { createMemoryBackend } from './memory-backend';
export { SCHEMA_VERSIONS, LATEST_SCHEMA_VERSION, DATABASE_NAME, declareSchema } from './schema';
