/**
 * Each project's own audit chain: its head (count and last hash) kept in the settings table and
 * moved in the same transaction as every entry, the history that arrived in bundles, and the chain
 * a bundle or report carries, walked back from the head. The head is what a bundle's manifest and a
 * report record and what a signature covers, so entries cut from the end or the middle are noticed.
 */
import { EMPTY_AUDIT_HEAD } from '../model';
import type { AuditEntry, AuditHead } from '../model';
import type { Tx } from './ports';

/** Settings key under which audit entries that arrived in bundles are kept, per project. */
export const auditHistoryKey = (projectId: string) => `audit-history:${projectId}`;
/** Settings key of a project's chain head. */
export const auditHeadKey = (projectId: string) => `audit-head:${projectId}`;

/** Audit entries of `a` then `b`, each entry once (by hash). */
export function mergeHistory(a: readonly AuditEntry[], b: readonly AuditEntry[]): AuditEntry[] {
  const seen = new Set<string>();
  const out: AuditEntry[] = [];
  for (const e of [...a, ...b]) {
    if (seen.has(e.hash)) continue;
    seen.add(e.hash);
    out.push(e);
  }
  return out;
}

/** Every entry known here for a project: those that arrived in bundles, then this computer's own. */
export async function knownEntries(tx: Tx, projectId: string): Promise<AuditEntry[]> {
  const imported = (await tx.get<{ value: AuditEntry[] }>('settings', auditHistoryKey(projectId)))?.value ?? [];
  const local = (await tx.byIndex<AuditEntry>('audit', 'projectId', projectId)).sort((a, b) => a.seq - b.seq);
  return mergeHistory(imported, local);
}

/**
 * The head of a project's chain. A database written before project chains existed has no stored
 * head: the chain then continues from the last entry known for the project.
 */
export async function readAuditHead(tx: Tx, projectId: string): Promise<AuditHead> {
  const stored = (await tx.get<{ value: AuditHead }>('settings', auditHeadKey(projectId)))?.value;
  if (stored) return stored;
  const known = await knownEntries(tx, projectId);
  const last = known.at(-1);
  return last ? { count: last.projectSeq ?? known.length, hash: last.hash } : EMPTY_AUDIT_HEAD;
}

export async function writeAuditHead(tx: Tx, projectId: string, head: AuditHead): Promise<void> {
  await tx.put('settings', { key: auditHeadKey(projectId), value: { count: head.count, hash: head.hash } });
}

/**
 * The chain that ends at `head`, oldest first: walked back from the head through each entry's link
 * to the one before, preceded by the entries from before project chains. Entries of other branches
 * (a history replaced by an import) stay in the database's log but are not part of it.
 */
export function chainEndingAt(known: readonly AuditEntry[], head: AuditHead): AuditEntry[] {
  if (!head.hash) return [];
  const byHash = new Map(known.map((e) => [e.hash, e] as const));
  const walked: AuditEntry[] = [];
  let at = byHash.get(head.hash);
  while (at && at.projectSeq !== undefined) {
    walked.push(at);
    at = at.projectPrevHash ? byHash.get(at.projectPrevHash) : undefined;
  }
  if (!walked.length && !at) return [...known];
  const legacy = known.filter((e) => e.projectSeq === undefined);
  return [...legacy, ...walked.reverse()];
}

/** How a bundle's chain stands to the one this computer holds for the same project. */
export type ChainRelation = 'new' | 'same' | 'extends' | 'older' | 'diverged';

/**
 * Compares a bundle's chain with the local one: the bundle continues the local chain ('extends'),
 * is an earlier state of it ('older', as a backup is), ends at the same entry ('same'), or left it
 * at some point ('diverged': another copy was edited, or entries were removed and re-chained).
 */
export function chainRelation(local: AuditHead, known: ReadonlySet<string>, bundle: readonly AuditEntry[], bundleHead: AuditHead): ChainRelation {
  if (local.count === 0) return 'new';
  if (bundleHead.hash === local.hash && bundleHead.count === local.count) return 'same';
  if (bundle[local.count - 1]?.hash === local.hash) return 'extends';
  if (bundleHead.count === 0 || known.has(bundleHead.hash)) return 'older';
  return 'diverged';
}
