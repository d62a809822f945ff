// A storage backend that breaks on purpose: it wraps a real one (Dexie or the in-memory twin) and, on
// the Nth write operation inside a write transaction, does half of that write and then throws, the
// way a crash, a full disk or a bug half-way through an import would. Plus a full dump of every table
// to compare a database before and after.
import { TABLES } from '../../../src/core/services/ports';
import type { Row, StorageBackend, Tx } from '../../../src/core/services/ports';

export interface FaultPlan {
  /** Fail on this write operation (1-based), counting put, bulkPut, delete and bulkDelete; 0 = never. */
  failAt: number;
  /** What to throw: a plain crash by default. */
  error?: () => unknown;
}

export interface FaultBackend extends StorageBackend {
  readonly plan: FaultPlan;
  /** Write operations seen since the last reset. */
  writes: number;
}

/** Wraps `inner`; set `plan.failAt` before the operation under test and read `writes` after it. */
export function faultBackend(inner: StorageBackend): FaultBackend {
  const plan: FaultPlan = { failAt: 0 };
  const self: FaultBackend = {
    plan,
    writes: 0,
    read: (fn) => inner.read(fn),
    write: (fn) => inner.write((tx) => fn(faulty(tx))),
    close: () => inner.close(),
  };
  const crash = (): never => {
    throw plan.error ? plan.error() : new Error(`simulated crash at write ${self.writes}`);
  };
  const hit = () => ++self.writes === plan.failAt;
  // Chains on the backend's own promises, never async functions: a native promise inside a Dexie
  // transaction can let IndexedDB commit before the transaction function is done.
  const faulty = (tx: Tx): Tx => ({
    ...tx,
    put: (table, row) => {
      const failing = hit();
      return tx.put(table, row).then(() => (failing ? crash() : undefined));
    },
    bulkPut: (table, rows) => {
      if (!hit()) return tx.bulkPut(table, rows);
      // Half the rows land, then the failure: the worst place to stop.
      return tx.bulkPut(table, rows.slice(0, Math.ceil(rows.length / 2)) as Row[]).then(crash);
    },
    delete: (table, key) => {
      const failing = hit();
      return tx.delete(table, key).then(() => (failing ? crash() : undefined));
    },
    bulkDelete: (table, keys) => {
      if (!hit()) return tx.bulkDelete(table, keys);
      return tx.bulkDelete(table, keys.slice(0, Math.ceil(keys.length / 2))).then(crash);
    },
  });
  return self;
}

/** Every row of every table, sorted by JSON text so two dumps compare whatever the read order. */
export async function dumpBackend(backend: StorageBackend): Promise<Record<string, string[]>> {
  return backend.read(async (tx) => {
    const out: Record<string, string[]> = {};
    for (const table of TABLES) {
      out[table] = (await tx.all<Row>(table)).map((row) => JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? `bytes:${[...v].join(',')}` : v))).sort();
    }
    return out;
  });
}
