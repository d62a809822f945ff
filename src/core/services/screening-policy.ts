/**
 * The screening policy of this installation (where a match starts, where the review band starts),
 * kept in settings and used by every screening, assessment and report the app makes. A stored
 * policy that no longer validates gives the shipped one, with the problems named.
 */
import { DEFAULT_SCREENING_POLICY, parseScreeningPolicy, policyProblems } from '../screening';
import type { ScreeningPolicy } from '../screening';
import { ValidationError } from './repository';
import type { Repository } from './repository';

export const SCREENING_POLICY_SETTING = 'screening.policy';

/** The policy in use, and any problems with the stored one. */
export async function loadScreeningPolicy(repo: Repository): Promise<{ policy: ScreeningPolicy; errors: string[] }> {
  const { value, errors } = parseScreeningPolicy(await repo.getSetting<unknown>(SCREENING_POLICY_SETTING));
  return { policy: value, errors };
}

/** Validates and stores a policy; throws ValidationError naming the problem, storing nothing. */
export async function saveScreeningPolicy(repo: Repository, policy: ScreeningPolicy): Promise<ScreeningPolicy> {
  const problems = policyProblems(policy);
  if (problems.length) throw new ValidationError(problems.map((message) => ({ path: '', message })), 'Screening policy');
  const value = { threshold: policy.threshold, reviewFloor: policy.reviewFloor };
  await repo.setSetting(SCREENING_POLICY_SETTING, value);
  return value;
}

/** Goes back to the shipped policy. */
export async function resetScreeningPolicy(repo: Repository): Promise<ScreeningPolicy> {
  await repo.setSetting(SCREENING_POLICY_SETTING, null);
  return DEFAULT_SCREENING_POLICY;
}
