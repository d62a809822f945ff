/**
 * Screening a project: every party, alias and owner against the lists under the screening policy,
 * keeping earlier review decisions, and (when the user runs it) saving the new and changed hits in
 * one transaction. The run itself can happen elsewhere (the app runs it in a Web Worker) through a
 * `ProjectScreener`; the in-process screener is the same code without the worker.
 */
import { randomId, systemClock } from '../model';
import type { Clock, IdGenerator, IdPrefix, ProjectSnapshot, ScreeningHit } from '../model';
import { NameIndex, configForPolicy, screenProject } from '../screening';
import type { ProjectScreening, ScreeningList, ScreeningPolicy } from '../screening';
import { deleteRecordIn, parseRecord, putRecordIn } from './project-records';
import type { Repository } from './repository';

/**
 * How new hits are stamped: 'stored' hits are about to be saved (the time now, random ids);
 * 'transient' hits exist only inside one assessment or report, stamped from its as-of date with
 * ids of their own kind, so the same data always gives the same result, byte for byte.
 */
export type HitStamp = { readonly mode: 'stored' } | { readonly mode: 'transient'; readonly asOf: string };

export function stampDeps(stamp: HitStamp): { clock: Clock; ids: IdGenerator } {
  if (stamp.mode === 'stored') return { clock: systemClock, ids: randomId };
  let n = 1;
  const at = `${stamp.asOf}T00:00:00.000Z`;
  return { clock: () => at, ids: (prefix: IdPrefix) => `${prefix}_unsaved_${String(n++).padStart(4, '0')}` };
}

/** A key that changes whenever the lists' contents may have: which index a run can reuse. */
export function listsKey(lists: readonly ScreeningList[]): string {
  return lists.map((l) => `${l.id}@${l.importedAt}:${l.counts.entries}`).join('|');
}

/** Screens a snapshot against an index (or lists, indexed here) under the policy. Pure apart from the stamp. */
export function screenSnapshot(
  snapshot: ProjectSnapshot,
  indexOrLists: NameIndex | readonly ScreeningList[],
  policy: ScreeningPolicy,
  stamp: HitStamp,
  onProgress?: (done: number, total: number) => void,
): ProjectScreening {
  const index = indexOrLists instanceof NameIndex ? indexOrLists : new NameIndex([...indexOrLists]);
  return screenProject(snapshot, index, { ...stampDeps(stamp), config: configForPolicy(policy), ...(onProgress ? { onProgress } : {}) });
}

export interface ScreenRequest {
  readonly snapshot: ProjectSnapshot;
  readonly lists: readonly ScreeningList[];
  readonly policy: ScreeningPolicy;
  readonly stamp: HitStamp;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Runs a screening somewhere: in process, or in the app's screening worker. */
export type ProjectScreener = (request: ScreenRequest) => Promise<ProjectScreening>;

/** The screener that runs here and now, keeping the last index until the lists change. */
export function inProcessScreener(): ProjectScreener {
  let cached: { key: string; index: NameIndex } | null = null;
  return async ({ snapshot, lists, policy, stamp, onProgress }) => {
    const key = listsKey(lists);
    if (!cached || cached.key !== key) cached = { key, index: new NameIndex([...lists]) };
    return screenSnapshot(snapshot, cached.index, policy, stamp, onProgress);
  };
}

/**
 * Writes a run's new and changed hits and drops the unreviewed hits that no longer match, all in one
 * transaction. `basis` is the hits the run started from: a hit decided or changed since then keeps
 * what is stored, so a decision made while the run was going is never overwritten.
 */
export async function saveScreeningRun(repo: Repository, projectId: string, run: ProjectScreening, basis: readonly ScreeningHit[] = []): Promise<void> {
  if (!run.upserts.length && !run.removals.length) return;
  const hits = run.upserts.map((h) => parseRecord('hits', h));
  const seen = new Map(basis.map((h) => [h.id, h.updatedAt]));
  await repo.mutate('hits', projectId, async (tx) => {
    for (const hit of hits) {
      const current = await tx.get<ScreeningHit>('hits', hit.id);
      if (current && current.updatedAt !== seen.get(hit.id)) continue;
      await putRecordIn(repo, tx, 'hits', hit);
    }
    for (const id of run.removals) {
      const current = await tx.get<ScreeningHit>('hits', id);
      if (current && current.status === 'open' && current.updatedAt === seen.get(id)) await deleteRecordIn(repo, tx, 'hits', id);
    }
  });
}

/** Screens a stored project and saves the result; returns the run's counts. */
export async function screenAndSaveProject(
  repo: Repository,
  projectId: string,
  options: { readonly lists: readonly ScreeningList[]; readonly policy: ScreeningPolicy; readonly screener: ProjectScreener; readonly onProgress?: (done: number, total: number) => void },
): Promise<ProjectScreening['counts']> {
  const snapshot = await repo.loadSnapshot(projectId);
  const run = await options.screener({ snapshot, lists: options.lists, policy: options.policy, stamp: { mode: 'stored' }, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  await saveScreeningRun(repo, projectId, run, snapshot.hits);
  return run.counts;
}
