/**
 * Screening settings in one object: the score at which a name is reported as a match, the lower edge
 * of the review band (possible matches a person should look at), and the search limits. Results carry
 * `MATCHER_VERSION`, so a stored hit always says which algorithm produced it.
 */

export const MATCHER_VERSION = 'subtier-name-1';

export interface ScreeningConfig {
  /** Scores at or above this are matches. */
  readonly threshold: number;
  /** Scores from here up to the threshold are possible matches for review; lower ones are dropped. */
  readonly reviewFloor: number;
  /** How many listed names the index hands to the scorer per query. */
  readonly maxCandidates: number;
  /** How many entries a query returns at most. */
  readonly maxResults: number;
}

export const DEFAULT_SCREENING_CONFIG: ScreeningConfig = Object.freeze({
  threshold: 0.8,
  reviewFloor: 0.65,
  maxCandidates: 60,
  maxResults: 10,
});

/** Checks a configuration and fills in defaults; throws a plain message on nonsense values. */
export function resolveConfig(partial: Partial<ScreeningConfig> = {}): ScreeningConfig {
  const config = { ...DEFAULT_SCREENING_CONFIG, ...partial };
  if (!(config.threshold > 0 && config.threshold <= 1)) throw new Error(`threshold must be above 0 and at most 1, not ${config.threshold}`);
  if (!(config.reviewFloor > 0 && config.reviewFloor <= config.threshold)) throw new Error(`the review band must start above 0 and at most at the threshold (${config.threshold})`);
  if (!(config.maxCandidates >= 1 && config.maxResults >= 1)) throw new Error('maxCandidates and maxResults must be at least 1');
  return config;
}

export type MatchBand = 'match' | 'review';

/** The band of a score, or null when it is below the review band. */
export function bandOf(score: number, config: ScreeningConfig): MatchBand | null {
  if (score >= config.threshold) return 'match';
  if (score >= config.reviewFloor) return 'review';
  return null;
}
