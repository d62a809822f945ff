/**
 * The in-memory twin of the Dexie backend: the same port, plain Maps underneath. Writes run one at
 * a time against a copy that replaces the live tables only when the transaction function resolves,
 * so a failure half-way leaves everything exactly as it was, just like IndexedDB.
 */
import { INDEXES, PRIMARY_KEYS, TABLES } from '../core/services/ports';
import type { Row, StorageBackend, TableName, Tx } from '../core/services/ports';

type Tables = Map<TableName, Map<string | number, Row>>;

function cloneTables(tables: Tables): Tables {
  return new Map([...tables].map(([name, rows]) => [name, new Map(rows)]));
}

function makeTx(tables: Tables, writable: boolean): Tx {
  const table = (name: TableName) => tables.get(name)!;
  const keyOf = (name: TableName, row: Row) => {
    const key = row[PRIMARY_KEYS[name]];
    if (typeof key !== 'string' && typeof key !== 'number') throw new Error(`${name}: row has no ${PRIMARY_KEYS[name]}`);
    return key;
  };
  const assertWritable = () => {
    if (!writable) throw new Error('write attempted in a read-only transaction');
  };
  // Rows are cloned on the way in and out so callers never share mutable state with the store.
  return {
    get: async (name, key) => structuredClone(table(name).get(key)) as never,
    all: async (name) => [...table(name).values()].map((r) => structuredClone(r)) as never,
    byIndex: async (name, index, value) => {
      if (!INDEXES[name].includes(index)) throw new Error(`${name} has no index ${index}`);
      return [...table(name).values()].filter((r) => r[index] === value).map((r) => structuredClone(r)) as never;
    },
    last: async (name) => {
      let best: Row | undefined;
      for (const [key, row] of table(name)) if (!best || key > keyOf(name, best)) best = row;
      return structuredClone(best) as never;
    },
    put: async (name, row) => {
      assertWritable();
      table(name).set(keyOf(name, row), structuredClone(row));
    },
    bulkPut: async (name, rows) => {
      assertWritable();
      for (const row of rows) table(name).set(keyOf(name, row), structuredClone(row));
    },
    delete: async (name, key) => {
      assertWritable();
      table(name).delete(key);
    },
    bulkDelete: async (name, keys) => {
      assertWritable();
      for (const key of keys) table(name).delete(key);
    },
  };
}

export function createMemoryBackend(): StorageBackend {
  let tables: Tables = new Map(TABLES.map((name) => [name, new Map()]));
  let queue: Promise<unknown> = Promise.resolve();
  return {
    read: (fn) => fn(makeTx(tables, false)),
    write: <R>(fn: (tx: Tx) => Promise<R>) => {
      const run = queue.then(async () => {
        const draft = cloneTables(tables);
        const result = await fn(makeTx(draft, true));
        tables = draft;
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    close: () => undefined,
  };
}
