/**
 * The records that hang off a party (questionnaires, indicator overrides, screening hits,
 * attestations), read and written with their types. Writes are validated against the record's
 * schema and audited in the same transaction. Used by the use cases in this folder; components
 * call those use cases, never these functions with a table name.
 */
import type { z } from 'zod';
import { attestationSchema, indicatorOverrideSchema, questionnaireSchema, screeningHitSchema, toFieldErrors } from '../model';
import type { Attestation, IndicatorOverride, Questionnaire, ScreeningHit } from '../model';
import type { Row, Tx } from './ports';
import { NotFoundError, ValidationError } from './repository';
import type { Repository } from './repository';

export const RECORD_SCHEMAS = {
  questionnaires: questionnaireSchema,
  overrides: indicatorOverrideSchema,
  hits: screeningHitSchema,
  attestations: attestationSchema,
} as const;

export type RecordTable = keyof typeof RECORD_SCHEMAS;
export const RECORD_TABLES = Object.keys(RECORD_SCHEMAS) as RecordTable[];

export interface RecordTypes {
  questionnaires: Questionnaire;
  overrides: IndicatorOverride;
  hits: ScreeningHit;
  attestations: Attestation;
}

/** Validates a record for `table`; throws ValidationError with one message per field. */
export function parseRecord<T extends RecordTable>(table: T, record: unknown): RecordTypes[T] {
  const result = (RECORD_SCHEMAS[table] as z.ZodType).safeParse(record);
  if (!result.success) throw new ValidationError(toFieldErrors(result.error), table);
  return result.data as RecordTypes[T];
}

/** Inside the caller's write transaction: inserts or replaces a validated record with its audit entry. */
export async function putRecordIn<T extends RecordTable>(repo: Repository, tx: Tx, table: T, record: RecordTypes[T]): Promise<void> {
  const before = await tx.get(table, record.id);
  await tx.put(table, record as unknown as Row);
  await repo.audit(tx, record.projectId, table, record.id, before ?? null, record);
}

/** Validates and saves one record in its own transaction; returns it as stored. */
export async function saveRecord<T extends RecordTable>(repo: Repository, table: T, record: unknown): Promise<RecordTypes[T]> {
  const row = parseRecord(table, record);
  await repo.mutate(table, row.projectId, (tx) => putRecordIn(repo, tx, table, row));
  return row;
}

/** Validates and saves several records of one project in one transaction: all are written, or none. */
export async function saveRecords(repo: Repository, projectId: string, records: readonly { table: RecordTable; record: unknown }[]): Promise<void> {
  if (!records.length) return;
  const rows = records.map(({ table, record }) => ({ table, row: parseRecord(table, record) }));
  const foreign = rows.find((r) => r.row.projectId !== projectId);
  if (foreign) throw new ValidationError([{ path: 'projectId', message: `must be ${projectId}` }], foreign.table);
  await repo.mutate(rows[0]!.table, projectId, async (tx) => {
    for (const { table, row } of rows) await putRecordIn(repo, tx, table, row);
  });
}

/** A project's records of one kind, in id order. */
export async function listRecords<T extends RecordTable>(repo: Repository, table: T, projectId: string): Promise<RecordTypes[T][]> {
  const rows = await repo.backend.read((tx) => tx.byIndex<RecordTypes[T]>(table, 'projectId', projectId));
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One record by id, or undefined. */
export function getRecord<T extends RecordTable>(repo: Repository, table: T, id: string): Promise<RecordTypes[T] | undefined> {
  return repo.backend.read((tx) => tx.get<RecordTypes[T]>(table, id));
}

/** Inside the caller's write transaction: deletes a record with its audit entry (no-op when absent). */
export async function deleteRecordIn(repo: Repository, tx: Tx, table: RecordTable, id: string): Promise<void> {
  const before = await tx.get<{ projectId: string }>(table, id);
  if (!before) return;
  await tx.delete(table, id);
  await repo.audit(tx, before.projectId, table, id, before, null);
}

/** Deletes one record; throws NotFoundError when it does not exist. */
export async function deleteRecord(repo: Repository, table: RecordTable, id: string): Promise<void> {
  const before = await getRecord(repo, table, id);
  if (!before) throw new NotFoundError(table, id);
  await repo.mutate(table, before.projectId, (tx) => deleteRecordIn(repo, tx, table, id));
}
