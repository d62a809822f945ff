/**
 * A stored project's assessment: what the app judges with (the project as stored, the stored lists,
 * this installation's screening policy and risk weights) gathered in one place, and assessed. The
 * risk screen, the app's report and the register export all start here.
 */
import type { ProjectSnapshot } from '../model';
import type { RiskModel } from '../risk';
import type { ScreeningList, ScreeningPolicy } from '../screening';
import { assessScreened } from './assess-project';
import type { Assessment } from './assess-project';
import { loadLists } from './list-store';
import { inProcessScreener } from './project-screening';
import type { ProjectScreener } from './project-screening';
import type { Repository } from './repository';
import { loadRiskModel } from './risk-weights';
import { loadScreeningPolicy } from './screening-policy';

export interface AssessmentInputs {
  readonly snapshot: ProjectSnapshot;
  readonly lists: readonly ScreeningList[];
  readonly policy: ScreeningPolicy;
  readonly model: RiskModel;
  /** Stored lists, weights or policy that could not be used, in words (defaults were used instead). */
  readonly problems: readonly string[];
}

/** Reads everything a stored project's assessment depends on, in one go. */
export async function loadAssessmentInputs(repo: Repository, projectId: string): Promise<AssessmentInputs> {
  const [snapshot, stored, weights, policy] = await Promise.all([repo.loadSnapshot(projectId), loadLists(repo), loadRiskModel(repo), loadScreeningPolicy(repo)]);
  return {
    snapshot,
    lists: stored.lists,
    policy: policy.policy,
    model: weights.model,
    problems: [
      ...stored.problems,
      ...weights.errors.map((e) => `The stored risk weights are invalid (${e}); the shipped weights are used.`),
      ...policy.errors.map((e) => `The stored screening policy is invalid (${e}); the shipped policy is used.`),
    ],
  };
}

/** Screens (with the stored lists and policy, keeping decisions) and scores a stored project as of a date. */
export async function assessStoredProject(repo: Repository, projectId: string, options: { readonly asOf: string; readonly screener?: ProjectScreener }): Promise<Assessment & { readonly problems: readonly string[] }> {
  const inputs = await loadAssessmentInputs(repo, projectId);
  const screener = options.screener ?? inProcessScreener();
  const screening = inputs.lists.length
    ? await screener({ snapshot: inputs.snapshot, lists: inputs.lists, policy: inputs.policy, stamp: { mode: 'transient', asOf: options.asOf } })
    : null;
  const assessment = assessScreened(inputs.snapshot, screening, { lists: inputs.lists, policy: inputs.policy, model: inputs.model, asOf: options.asOf });
  return { ...assessment, problems: inputs.problems };
}
