/**
 * Validation of stored and bundled lists: a list read back from the database or from the bundled
 * snapshot file is checked against this schema before the matcher trusts it.
 */
import { z } from 'zod';
import { ENTRY_TYPES, LIST_SOURCES } from './types';
import type { ScreeningList } from './types';

const entrySchema = z.object({
  ref: z.string().min(1),
  type: z.enum(ENTRY_TYPES),
  name: z.string().min(1),
  aliases: z.array(z.object({ name: z.string().min(1), quality: z.enum(['strong', 'weak']) })),
  programs: z.array(z.string()),
  listedOn: z.string(),
  addresses: z.array(z.string()),
  countries: z.array(z.string()),
  birthDates: z.array(z.string()),
  remarks: z.string(),
});

export const screeningListSchema = z.object({
  id: z.string().min(1),
  source: z.enum(LIST_SOURCES),
  name: z.string().min(1).max(200),
  format: z.enum(['un-xml', 'ofac-csv', 'custom-csv', 'custom-xlsx', 'snapshot']),
  publishedAt: z.string(),
  generatedAt: z.string(),
  importedAt: z.string(),
  files: z.array(z.object({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().nonnegative() })),
  counts: z.object({
    entries: z.number().int(), individuals: z.number().int(), entities: z.number().int(),
    vessels: z.number().int(), aircraft: z.number().int(), names: z.number().int(),
  }),
  programs: z.array(z.string()),
  selection: z.string(),
  origin: z.string(),
  entries: z.array(entrySchema),
});

export const SNAPSHOT_FORMAT = 'subtier-sanctions-snapshot';

export const sanctionsSnapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(1),
  asOf: z.string(),
  lists: z.array(screeningListSchema).min(1),
});

export interface SanctionsSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: 1;
  /** The newest publication date of the lists inside: what "lists as of" shows. */
  readonly asOf: string;
  readonly lists: readonly ScreeningList[];
}

/** Validates a list read from storage or a file; returns null with the first problems when invalid. */
export function parseStoredList(value: unknown): { list: ScreeningList | null; problems: string[] } {
  const result = screeningListSchema.safeParse(value);
  if (result.success) return { list: result.data, problems: [] };
  return { list: null, problems: result.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) };
}

/** Parses the bundled snapshot JSON text. */
export function parseSnapshotText(text: string): { snapshot: SanctionsSnapshot | null; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { snapshot: null, problems: [`not JSON: ${(error as Error).message}`] };
  }
  // The file keeps each list's metadata apart from its entries (one entry a line): join them again.
  const file = data as { head?: Record<string, unknown>; lists?: { meta?: Record<string, unknown>; entries?: unknown[] }[] } | null;
  if (file && typeof file === 'object' && file.head && Array.isArray(file.lists)) {
    data = { ...file.head, lists: file.lists.map((l) => ({ ...l.meta, entries: l.entries })) };
  }
  const result = sanctionsSnapshotSchema.safeParse(data);
  if (result.success) return { snapshot: result.data, problems: [] };
  return { snapshot: null, problems: result.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) };
}
