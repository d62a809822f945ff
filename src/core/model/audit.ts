/**
 * The tamper-evident audit log: every entry carries the hash of the one before it, so editing,
 * deleting or reordering any past entry breaks the chain at that point, and verification names it.
 */
import { canonicalJson, sha256Hex } from './hash';
import type { AuditEntry } from './records';

export type UnsealedAuditEntry = Omit<AuditEntry, 'hash' | 'prevHash' | 'seq'>;

/** The hash of an entry: SHA-256 over its canonical JSON without the hash field itself. */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  return sha256Hex(canonicalJson(entry));
}

/** Seals a new entry onto the end of the chain whose last entry is `previous`. */
export function sealAuditEntry(entry: UnsealedAuditEntry, previous: AuditEntry | undefined): AuditEntry {
  const unsealed = { ...entry, seq: (previous?.seq ?? 0) + 1, prevHash: previous?.hash ?? '' };
  return { ...unsealed, hash: hashAuditEntry(unsealed) };
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly checked: number;
  /** The sequence number of the first entry that does not verify, with the reason. */
  readonly firstBroken?: { readonly seq: number; readonly reason: string };
}

/** Walks the chain in order and reports the first entry whose hash, link or position is wrong. */
export function verifyAuditChain(entries: readonly AuditEntry[]): AuditVerification {
  let previous: AuditEntry | undefined;
  for (const entry of entries) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (entry.seq !== expectedSeq) {
      return { ok: false, checked: expectedSeq - 1, firstBroken: { seq: entry.seq, reason: `expected entry ${expectedSeq} here: an entry was removed or reordered` } };
    }
    if (entry.prevHash !== (previous?.hash ?? '')) {
      return { ok: false, checked: expectedSeq - 1, firstBroken: { seq: entry.seq, reason: 'does not link to the entry before it' } };
    }
    const { hash, ...rest } = entry;
    if (hashAuditEntry(rest) !== hash) {
      return { ok: false, checked: expectedSeq - 1, firstBroken: { seq: entry.seq, reason: 'its content was changed after it was written' } };
    }
    previous = entry;
  }
  return { ok: true, checked: entries.length };
}
