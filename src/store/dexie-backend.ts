/**
 * The IndexedDB backend, through Dexie: the port's table operations over the schema in schema.ts.
 * Write transactions span every table so a use case can touch several atomically; IndexedDB rolls
 * all of it back when the function throws. Quota and blocking errors become StorageErrors in plain words.
 */
import Dexie from 'dexie';
import type { Transaction } from 'dexie';
import { StorageError, TABLES } from '../core/services/ports';
import type { Row, StorageBackend, TableName, Tx } from '../core/services/ports';
import { DATABASE_NAME, declareSchema } from './schema';
import type { BeforeUpgrade } from './schema';
import { backupBeforeUpgrade } from './upgrade-backup';

export interface DexieBackendOptions {
  readonly name?: string;
  /** For tests: an IndexedDB factory and key range (fake-indexeddb). */
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  /** For upgrade tests: open at an older schema version. */
  readonly version?: number;
  /** Runs before a schema upgrade, in its transaction; by default each project is backed up. Null: nothing. */
  readonly beforeUpgrade?: BeforeUpgrade | null;
}

export function openDexie(options: DexieBackendOptions = {}): Dexie {
  const db = new Dexie(options.name ?? DATABASE_NAME, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  });
  declareSchema(db, options.version, options.beforeUpgrade === null ? undefined : (options.beforeUpgrade ?? backupBeforeUpgrade));
  return db;
}

function translate(error: unknown): unknown {
  const name = (error as { name?: string; inner?: { name?: string } })?.name;
  const inner = (error as { inner?: { name?: string } })?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return new StorageError('The disk or the browser storage quota is full. Nothing was saved. Free some space, or remove old backups and evidence, then try again.', 'quota', { cause: error });
  }
  if (name === 'VersionError' || name === 'UpgradeError') {
    return new StorageError('This database was written by a newer version of Subtier. Update the app to open it.', 'version', { cause: error });
  }
  if (name === 'DatabaseClosedError' || name === 'OpenFailedError' || name === 'BlockedError') {
    return new StorageError('The database could not be opened: close other Subtier windows and try again.', 'blocked', { cause: error });
  }
  return error;
}

/**
 * Table access bound to one Dexie transaction object rather than to Dexie's implicit zone: after a
 * few native awaits the zone can be lost, and a call through `db.table` would then open a second,
 * separate transaction and let this one commit early (PrematureCommitError), breaking atomicity.
 */
function makeTx(trans: Transaction): Tx {
  const t = (name: TableName) => trans.table(name);
  return {
    get: (name, key) => t(name).get(key) as never,
    all: (name) => t(name).toArray() as never,
    byIndex: (name, index, value) => t(name).where(index).equals(value).toArray() as never,
    last: (name) => t(name).orderBy(':id').last() as never,
    // Only Dexie promises inside a transaction: a settled native promise can let IndexedDB commit early.
    put: (name, row) => t(name).put(row).then(() => undefined),
    bulkPut: (name, rows) => (rows.length ? t(name).bulkPut(rows as Row[]).then(() => undefined) : Dexie.Promise.resolve()),
    delete: (name, key) => t(name).delete(key),
    bulkDelete: (name, keys) => (keys.length ? t(name).bulkDelete(keys as never) : Dexie.Promise.resolve()),
  };
}

export function createDexieBackend(options: DexieBackendOptions = {}): StorageBackend & { readonly db: Dexie } {
  const db = openDexie(options);
  const tables = TABLES.filter((name) => db.tables.some((t) => t.name === name));
  return {
    db,
    read: async (fn) => {
      try {
        return await db.transaction('r', tables, (trans) => fn(makeTx(trans)));
      } catch (error) {
        throw translate(error);
      }
    },
    write: async (fn) => {
      try {
        return await db.transaction('rw', tables, (trans) => fn(makeTx(trans)));
      } catch (error) {
        throw translate(error);
      }
    },
    close: () => db.close(),
  };
}

/** Asks the browser to keep our storage when space runs low; returns whether it agreed. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await globalThis.navigator?.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
