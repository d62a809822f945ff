// Helpers for schema upgrade tests (one test file per version: upgrade-vN.test.ts). A test builds a
// database at an older version with realistic rows written through raw Dexie (the repository would
// validate them against today's model, which old rows need not satisfy), closes it, reopens it at the
// latest version and compares every table, row by row.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type Dexie from 'dexie';
import { openDexie } from '../../../src/store';

export type TableRows = Record<string, Record<string, unknown>[]>;

/** A fresh, private IndexedDB: nothing leaks between tests. */
export function freshFactory(): { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange; name: string } {
  return { indexedDB: new IDBFactory(), IDBKeyRange, name: `upgrade-${Math.random().toString(36).slice(2)}` };
}

/**
 * Creates a database at exactly `version` holding `rows`, and closes it. Fails when a table of `rows`
 * does not exist at that version: the fixture must match the old schema.
 */
export async function buildDatabaseAt(options: ReturnType<typeof freshFactory>, version: number, rows: TableRows): Promise<void> {
  const db = openDexie({ ...options, version });
  await db.open();
  if (db.verno !== version) throw new Error(`opened at version ${db.verno}, expected ${version}`);
  await db.transaction('rw', Object.keys(rows), async () => {
    for (const [table, list] of Object.entries(rows)) await db.table(table).bulkAdd(list);
  });
  db.close();
}

/** Every row of every table, keyed by table name, in primary-key order. */
export async function dumpDatabase(db: Dexie): Promise<TableRows> {
  const out: TableRows = {};
  for (const table of db.tables) out[table.name] = (await table.toArray()) as Record<string, unknown>[];
  return out;
}

/** Opens the database at the latest version (running every upgrade) and returns it open. */
export async function openLatest(options: ReturnType<typeof freshFactory>): Promise<Dexie> {
  const db = openDexie(options);
  await db.open();
  return db;
}
