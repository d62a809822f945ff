/**
 * The screening policy: the two numbers a person decides on (where a match starts and where the
 * review band starts), separate from the matcher's search limits. The app keeps one per
 * installation, the CLI takes it from --threshold and --review-threshold, and every result states it.
 */
import { DEFAULT_SCREENING_CONFIG, MATCHER_VERSION, resolveConfig } from './config';
import type { ScreeningConfig } from './config';

export interface ScreeningPolicy {
  /** Scores at or above this are matches. */
  readonly threshold: number;
  /** Scores from here up to the threshold are possible matches for a person to review. */
  readonly reviewFloor: number;
}

export const DEFAULT_SCREENING_POLICY: ScreeningPolicy = Object.freeze({
  threshold: DEFAULT_SCREENING_CONFIG.threshold,
  reviewFloor: DEFAULT_SCREENING_CONFIG.reviewFloor,
});

/** Checks a policy: each band edge in (0, 1], the review band never above the match band. */
export function policyProblems(policy: { threshold: unknown; reviewFloor: unknown }): string[] {
  const problems: string[] = [];
  const { threshold, reviewFloor } = policy;
  const inRange = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 1;
  if (!inRange(threshold)) problems.push(`the match threshold must be a number above 0 and at most 1, not ${String(threshold)}`);
  if (!inRange(reviewFloor)) problems.push(`the review threshold must be a number above 0 and at most 1, not ${String(reviewFloor)}`);
  if (inRange(threshold) && inRange(reviewFloor) && reviewFloor > threshold) problems.push(`the review threshold (${reviewFloor}) must not be above the match threshold (${threshold})`);
  return problems;
}

/** Reads a stored or typed policy; anything invalid gives the default with the problems named. */
export function parseScreeningPolicy(value: unknown): { value: ScreeningPolicy; errors: string[] } {
  if (value === null || value === undefined) return { value: DEFAULT_SCREENING_POLICY, errors: [] };
  const v = value as { threshold?: unknown; reviewFloor?: unknown };
  if (typeof value !== 'object') return { value: DEFAULT_SCREENING_POLICY, errors: ['the screening policy is not an object'] };
  const errors = policyProblems({ threshold: v.threshold, reviewFloor: v.reviewFloor });
  if (errors.length) return { value: DEFAULT_SCREENING_POLICY, errors };
  return { value: { threshold: v.threshold as number, reviewFloor: v.reviewFloor as number }, errors: [] };
}

/** The matcher configuration for a policy: the shipped search limits with the policy's bands. */
export function configForPolicy(policy: ScreeningPolicy): ScreeningConfig {
  return resolveConfig({ threshold: policy.threshold, reviewFloor: policy.reviewFloor });
}

/** Whether a policy is the shipped one. */
export function isDefaultPolicy(policy: ScreeningPolicy): boolean {
  return policy.threshold === DEFAULT_SCREENING_POLICY.threshold && policy.reviewFloor === DEFAULT_SCREENING_POLICY.reviewFloor;
}

const two = (x: number) => x.toFixed(2);

/** The policy in one sentence, as the CLI, the app and the report state it. */
export function describePolicy(policy: ScreeningPolicy): string {
  const review = policy.reviewFloor < policy.threshold
    ? `scores from ${two(policy.reviewFloor)} up to ${two(policy.threshold)} are possible matches for review`
    : 'no review band';
  return `Screening policy: a name scoring ${two(policy.threshold)} or more is a match; ${review} (matcher ${MATCHER_VERSION}).`;
}
