/**
 * An auditor's own judgement on an indicator: add one the facts do not show, or rule out one they
 * do, always with a reason (it is printed in the report) and the author's name.
 */
import { randomId, systemClock } from '../model';
import type { Clock, Confidence, IdGenerator, IndicatorOverride } from '../model';
import { listRecords, saveRecord } from './project-records';
import type { Repository } from './repository';

export interface OverrideInput {
  readonly projectId: string;
  readonly partyId: string;
  readonly indicatorId: string;
  readonly action: 'add' | 'remove';
  readonly confidence: Confidence;
  readonly reason: string;
  readonly author: string;
}

/** A project's indicator overrides, in id order. */
export function listOverrides(repo: Repository, projectId: string): Promise<IndicatorOverride[]> {
  return listRecords(repo, 'overrides', projectId);
}

/** Records an override; throws ValidationError (a reason is required) without saving anything. */
export function addIndicatorOverride(repo: Repository, input: OverrideInput, deps: { readonly clock?: Clock; readonly ids?: IdGenerator } = {}): Promise<IndicatorOverride> {
  const now = (deps.clock ?? systemClock)();
  return saveRecord(repo, 'overrides', { ...input, id: (deps.ids ?? randomId)('ovr'), createdAt: now, updatedAt: now });
}
