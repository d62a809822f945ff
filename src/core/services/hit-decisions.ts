/**
 * Review decisions on screening hits: confirm a hit as the listed party or dismiss it, with the
 * reviewer, the time and a reason (required to dismiss: it goes into the audit log and the report).
 * Several hits can be decided at once, in one transaction.
 */
import { systemClock } from '../model';
import type { Clock, ScreeningHit } from '../model';
import { listRecords, parseRecord, putRecordIn } from './project-records';
import { NotFoundError, ValidationError } from './repository';
import type { Repository } from './repository';

export interface HitDecision {
  readonly status: 'confirmed' | 'dismissed';
  readonly reason: string;
  readonly reviewer: string;
}

/** A project's screening hits, in id order. */
export function listHits(repo: Repository, projectId: string): Promise<ScreeningHit[]> {
  return listRecords(repo, 'hits', projectId);
}

/** Records one decision for every hit in `hitIds` (all of one project); returns the decided hits. */
export async function decideHits(repo: Repository, hitIds: readonly string[], decision: HitDecision, clock: Clock = systemClock): Promise<ScreeningHit[]> {
  const reason = decision.reason.trim();
  if (decision.status === 'dismissed' && !reason) {
    throw new ValidationError([{ path: 'reason', message: 'give the reason for dismissing: it goes into the audit log and the report' }], 'Decision');
  }
  if (!hitIds.length) return [];
  const first = await repo.backend.read((tx) => tx.get<ScreeningHit>('hits', hitIds[0]!));
  if (!first) throw new NotFoundError('Screening hit', hitIds[0]!);
  const now = clock();
  return repo.mutate('hits', first.projectId, async (tx) => {
    const decided: ScreeningHit[] = [];
    for (const id of hitIds) {
      const hit = await tx.get<ScreeningHit>('hits', id);
      if (!hit) throw new NotFoundError('Screening hit', id);
      if (hit.projectId !== first.projectId) throw new ValidationError([{ path: 'hitIds', message: 'must all belong to one project' }], 'Decision');
      const after = parseRecord('hits', { ...hit, status: decision.status, reason, reviewer: decision.reviewer, reviewedAt: now, updatedAt: now });
      await putRecordIn(repo, tx, 'hits', after);
      decided.push(after);
    }
    return decided;
  });
}

/** Records a decision on one hit. */
export async function decideHit(repo: Repository, hitId: string, decision: HitDecision, clock: Clock = systemClock): Promise<ScreeningHit> {
  const [hit] = await decideHits(repo, [hitId], decision, clock);
  return hit!;
}
