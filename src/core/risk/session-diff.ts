/**
 * Finding what an edit changed between two snapshots of a project, for the incremental session:
 * rows are compared by reference, then by updatedAt (which the repository stamps on every write),
 * and the risk index is patched in place. Each function adds the parties whose own derivation may
 * have changed to `dirty`.
 */
import type { Evidence, Link } from '../model/schemas';
import { replaceRecord } from './risk-index';
import type { PartyEntry, RiskIndex } from './risk-index';

export const sameRow = (a: { updatedAt: string } | undefined, b: { updatedAt: string }): boolean => a === b || (a !== undefined && a.updatedAt === b.updatedAt);

/**
 * Rows that changed between two lists of the same table: a positional walk while ids line up (the
 * common case: one edit in a list kept in id order), falling back to a lookup by id for the rest.
 */
export function diffRows<T extends { id: string; updatedAt: string }>(before: readonly T[], after: readonly T[]): { changed: [T | undefined, T][]; removed: T[] } {
  const changed: [T | undefined, T][] = [];
  let i = 0;
  const common = Math.min(before.length, after.length);
  while (i < common && before[i]!.id === after[i]!.id) {
    if (!sameRow(before[i], after[i]!)) changed.push([before[i], after[i]!]);
    i++;
  }
  if (i === before.length && i === after.length) return { changed, removed: [] };
  const old = new Map<string, T>();
  for (let k = i; k < before.length; k++) old.set(before[k]!.id, before[k]!);
  for (let k = i; k < after.length; k++) {
    const r = after[k]!;
    const b = old.get(r.id);
    old.delete(r.id);
    if (!sameRow(b, r)) changed.push([b, r]);
  }
  return { changed, removed: [...old.values()] };
}

type RecordKey = 'questionnaires' | 'overrides' | 'hits';

/** Applies the changes to one record table (questionnaires, overrides or hits) to the index. */
export function diffRecords<K extends RecordKey>(idx: RiskIndex, key: K, before: readonly PartyEntry[K][number][], after: readonly PartyEntry[K][number][], dirty: Set<string>, spread: Set<string> | null): void {
  if (before === after) return;
  const { changed, removed } = diffRows(before, after);
  for (const [b, r] of changed) {
    replaceRecord(idx, key, b, r);
    for (const id of new Set([r.partyId, b?.partyId ?? r.partyId])) { dirty.add(id); spread?.add(id); }
  }
  for (const gone of removed) {
    replaceRecord(idx, key, gone, undefined);
    dirty.add(gone.partyId);
    spread?.add(gone.partyId);
  }
}

/** Applies added and removed evidence files to the index (evidence on a link concerns both its ends). */
export function diffEvidence(idx: RiskIndex, before: readonly Evidence[], after: readonly Evidence[], dirty: Set<string>): void {
  if (before === after) return;
  const key = (e: Evidence) => `${e.id}|${e.subject.id}`;
  const old = new Set(before.map(key));
  const now = new Set(after.map(key));
  const touch = (e: Evidence, delta: number) => {
    idx.evidenced.set(e.subject.id, (idx.evidenced.get(e.subject.id) ?? 0) + delta);
    const link = idx.links.get(e.subject.id)?.link;
    if (link) dirty.add(link.from).add(link.to);
    else dirty.add(e.subject.id);
  };
  for (const e of after) if (!old.has(key(e))) touch(e, 1);
  for (const e of before) if (!now.has(key(e))) touch(e, -1);
}

/** The links added (new or edited) and removed (gone, or the old version of an edited one). */
export interface LinkEdits {
  readonly added: readonly Link[];
  readonly removed: readonly Link[];
}
