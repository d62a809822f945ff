/**
 * What changed between two issues of a list: entries added, removed, and changed (with the fields
 * that changed), matched by reference number. Shown after importing a newer list, together with
 * the new hits it produces.
 */
import { entryFingerprint } from './fingerprint';
import type { ListEntry } from './types';

export interface ChangedEntry {
  readonly ref: string;
  readonly before: ListEntry;
  readonly after: ListEntry;
  readonly fields: readonly string[];
}

export interface ListDiff {
  readonly added: readonly ListEntry[];
  readonly removed: readonly ListEntry[];
  readonly changed: readonly ChangedEntry[];
  readonly unchanged: number;
}

const FIELDS = ['name', 'type', 'aliases', 'programs', 'listedOn', 'addresses', 'countries', 'birthDates', 'remarks'] as const;

function sameField(a: ListEntry, b: ListEntry, field: (typeof FIELDS)[number]): boolean {
  const norm = (e: ListEntry) => {
    const v = e[field];
    if (!Array.isArray(v)) return v;
    return JSON.stringify(v.map((x) => (typeof x === 'string' ? x : `${x.quality}:${x.name}`)).sort());
  };
  return norm(a) === norm(b);
}

/** Compares two issues of one list, entries keyed by `ref`; results sorted by ref. */
export function diffLists(before: readonly ListEntry[], after: readonly ListEntry[]): ListDiff {
  const old = new Map(before.map((e) => [e.ref, e]));
  const cur = new Map(after.map((e) => [e.ref, e]));
  const byRef = (a: { ref: string }, b: { ref: string }) => a.ref.localeCompare(b.ref, 'en', { numeric: true });
  const added = after.filter((e) => !old.has(e.ref)).sort(byRef);
  const removed = before.filter((e) => !cur.has(e.ref)).sort(byRef);
  const changed: ChangedEntry[] = [];
  let unchanged = 0;
  for (const e of after) {
    const prev = old.get(e.ref);
    if (!prev) continue;
    if (entryFingerprint(prev) === entryFingerprint(e)) {
      unchanged++;
      continue;
    }
    changed.push({ ref: e.ref, before: prev, after: e, fields: FIELDS.filter((f) => !sameField(prev, e, f)) });
  }
  changed.sort(byRef);
  return { added, removed, changed, unchanged };
}
