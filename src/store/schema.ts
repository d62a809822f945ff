/**
 * Every version of Subtier's IndexedDB schema, oldest first, each with its upgrade. A version block is
 * never edited once released: users may open the app on a database of any earlier version. Each
 * upgrade has a test in tests/integration/store that builds the older database with real data.
 */
import type Dexie from 'dexie';
import type { Transaction } from 'dexie';

export const DATABASE_NAME = 'subtier';

export interface SchemaVersion {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
  readonly description: string;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    description: 'Projects, parties, links, evidence with their bytes, the audit log and settings.',
    stores: {
      projects: 'id, name',
      parties: 'id, projectId, [projectId+ref], name, kind',
      links: 'id, projectId, from, to, relation',
      evidence: 'id, projectId',
      blobs: 'id',
      audit: 'seq, projectId, at',
      settings: 'key',
    },
  },
  {
    version: 2,
    description: 'Questionnaires, indicator overrides, screening hits and lists, attestations and backups. '
      + 'Parties created before reference codes existed get their id as their reference code.',
    stores: {
      questionnaires: 'id, projectId, partyId',
      overrides: 'id, projectId, partyId',
      hits: 'id, projectId, partyId, status',
      lists: 'id',
      attestations: 'id, projectId, partyId',
      backups: 'id, createdAt',
    },
    upgrade: async (tx) => {
      await tx.table('parties').toCollection().modify((party: Record<string, unknown>) => {
        if (typeof party.ref !== 'string' || party.ref === '') party.ref = String(party.id);
        if (!Array.isArray(party.aliases)) party.aliases = [];
        if (typeof party.isClient !== 'boolean') party.isClient = false;
        if (typeof party.isWorker !== 'boolean') party.isWorker = false;
        if (party.workforce === undefined) party.workforce = null;
      });
    },
  },
];

/** Runs once per upgrade, inside its transaction, before the first upgrade function (see upgrade-backup.ts). */
export type BeforeUpgrade = (tx: Transaction, fromVersion: number, toVersion: number) => Promise<void>;

/**
 * Declares versions up to `upTo` (all by default) on a Dexie instance. `beforeUpgrade` sees the
 * database as the old version left it, whichever version that was.
 */
export function declareSchema(db: Dexie, upTo = Number.POSITIVE_INFINITY, beforeUpgrade?: BeforeUpgrade): void {
  const target = Math.min(upTo, SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version);
  const prepared = new WeakSet<Transaction>();
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break;
    const declared = db.version(v.version).stores(v.stores);
    if (v.version === 1 || (!v.upgrade && !beforeUpgrade)) continue;
    // Dexie runs the upgrade functions of every version above the stored one, in order, in one
    // transaction: the first to run comes right after the stored version.
    declared.upgrade(async (tx) => {
      if (beforeUpgrade && !prepared.has(tx)) {
        prepared.add(tx);
        await beforeUpgrade(tx, v.version - 1, target);
      }
      if (v.upgrade) await v.upgrade(tx);
    });
  }
}

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
