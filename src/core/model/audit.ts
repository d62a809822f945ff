/**
 * The tamper-evident audit log: every entry carries the hash of the one before it, so editing,
 * deleting or reordering any past entry breaks the chain at that point, and verification names it.
 * Each entry is on two chains: the database's whole log (seq, prevHash), and its project's own
 * (projectSeq, projectPrevHash), which travels in bundles and ends at the project's chain head.
 */
import { canonicalJson, sha256Hex } from './hash';
import type { AuditEntry } from './records';

export type UnsealedAuditEntry = Omit<AuditEntry, 'hash' | 'prevHash' | 'seq' | 'projectSeq' | 'projectPrevHash'>;

/** Where a project's chain ends: how many entries it has and the hash of the last ('' when none). */
export interface AuditHead {
  readonly count: number;
  readonly hash: string;
}

export const EMPTY_AUDIT_HEAD: AuditHead = { count: 0, hash: '' };

/** True when two heads name the same end of a chain. */
export const sameHead = (a: AuditHead, b: AuditHead): boolean => a.count === b.count && a.hash === b.hash;

/** The hash of an entry: SHA-256 over its canonical JSON without the hash field itself. */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  return sha256Hex(canonicalJson(entry));
}

/**
 * Seals a new entry onto the end of the log whose last entry is `previous` and, when `projectHead`
 * is given, onto the end of its project's chain.
 */
export function sealAuditEntry(entry: UnsealedAuditEntry, previous: AuditEntry | undefined, projectHead?: AuditHead): AuditEntry {
  const unsealed = {
    ...entry,
    seq: (previous?.seq ?? 0) + 1,
    prevHash: previous?.hash ?? '',
    ...(projectHead ? { projectSeq: projectHead.count + 1, projectPrevHash: projectHead.hash } : {}),
  };
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

export interface ProjectChainVerification {
  readonly ok: boolean;
  /** Entries that verified before the first broken one (all of them when ok). */
  readonly checked: number;
  /** Where the chain ends, as far as it verified. */
  readonly head: AuditHead;
  /** Entries written before projects had their own chains: each verifies on its own only. */
  readonly legacy: number;
  /** The position (from 1) of the first entry that does not verify, with the reason. */
  readonly firstBroken?: { readonly position: number; readonly reason: string };
}

/**
 * Verifies one project's chain, oldest first: every entry belongs to the project, its hash is
 * intact, and it names its position and the hash of the entry before it. Entries from before
 * project chains may only come first. A chain cut short still verifies: compare its head with the
 * head recorded elsewhere (a signed manifest, a report, this computer's own record).
 */
export function verifyProjectChain(entries: readonly AuditEntry[], projectId: string): ProjectChainVerification {
  let legacy = 0;
  let head: AuditHead = EMPTY_AUDIT_HEAD;
  const broken = (position: number, reason: string): ProjectChainVerification => ({ ok: false, checked: position - 1, head, legacy, firstBroken: { position, reason } });
  for (const [i, entry] of entries.entries()) {
    const position = i + 1;
    if (entry.projectId !== projectId) return broken(position, `belongs to another project (${entry.projectId || 'none'})`);
    const { hash, ...rest } = entry;
    if (hashAuditEntry(rest) !== hash) return broken(position, 'its content was changed after it was written');
    if (entry.projectSeq === undefined) {
      if (head.count > legacy) return broken(position, 'it has no place in the project chain, yet follows entries that do');
      legacy++;
    } else {
      if (entry.projectSeq !== position) return broken(position, `it says it is entry ${entry.projectSeq}: an entry before it was removed, added or moved`);
      if (entry.projectPrevHash !== head.hash) return broken(position, 'it does not link to the entry before it');
    }
    head = { count: position, hash };
  }
  return { ok: true, checked: entries.length, head, legacy };
}
