/**
 * The storage port the core depends on: a handful of table operations inside read or write
 * transactions. Dexie (src/store/dexie-backend.ts) and an in-memory twin (src/store/memory-backend.ts)
 * implement it; every domain rule (validation, audit, cascades) lives above it, once.
 */
export const TABLES = [
  'projects', 'parties', 'links', 'evidence', 'blobs', 'questionnaires', 'overrides',
  'hits', 'lists', 'attestations', 'audit', 'settings', 'backups',
] as const;
export type TableName = (typeof TABLES)[number];

/** Secondary indexes every backend must support for `byIndex`. */
export const INDEXES: Readonly<Record<TableName, readonly string[]>> = {
  projects: [],
  parties: ['projectId'],
  links: ['projectId', 'from', 'to'],
  evidence: ['projectId'],
  blobs: [],
  questionnaires: ['projectId', 'partyId'],
  overrides: ['projectId', 'partyId'],
  hits: ['projectId', 'partyId'],
  lists: [],
  attestations: ['projectId', 'partyId'],
  audit: ['projectId'],
  settings: [],
  backups: [],
};

/** The primary key field of each table ('seq' for the audit log, 'key' for settings). */
export const PRIMARY_KEYS: Readonly<Record<TableName, string>> = {
  projects: 'id', parties: 'id', links: 'id', evidence: 'id', blobs: 'id', questionnaires: 'id',
  overrides: 'id', hits: 'id', lists: 'id', attestations: 'id', audit: 'seq', settings: 'key', backups: 'id',
};

export type Row = Record<string, unknown>;

export interface Tx {
  get<T>(table: TableName, key: string | number): Promise<T | undefined>;
  all<T>(table: TableName): Promise<T[]>;
  byIndex<T>(table: TableName, index: string, value: string): Promise<T[]>;
  /** The row with the highest primary key, or undefined for an empty table. */
  last<T>(table: TableName): Promise<T | undefined>;
  put(table: TableName, row: Row): Promise<void>;
  bulkPut(table: TableName, rows: readonly Row[]): Promise<void>;
  delete(table: TableName, key: string | number): Promise<void>;
  bulkDelete(table: TableName, keys: readonly (string | number)[]): Promise<void>;
}

export interface StorageBackend {
  /** Runs `fn` in a read-only transaction. */
  read<R>(fn: (tx: Tx) => Promise<R>): Promise<R>;
  /** Runs `fn` in one read-write transaction over all tables: all of its writes apply, or none. */
  write<R>(fn: (tx: Tx) => Promise<R>): Promise<R>;
  close(): void;
}

/** A storage failure phrased for the user (quota exceeded, database blocked, ...). */
export class StorageError extends Error {
  constructor(message: string, readonly code: 'quota' | 'blocked' | 'version' | 'unknown', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}
