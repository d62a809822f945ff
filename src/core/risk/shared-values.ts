/**
 * Small result values that many parties have in common, kept once and shared (frozen): a party's
 * inherent score and level, and the exposure of a party that nothing below it exposes more than
 * itself. Scores have one decimal, so there are at most 1,001 of each per level; sharing them spares
 * a full scoring tens of thousands of small objects that would otherwise all live as long as the result.
 */
import { LEVELS, levelRank } from './model';
import type { RiskLevel } from './model';
import type { PartyRisk, ScoreLevel } from './types';

const scoreLevels = LEVELS.map(() => new Map<number, ScoreLevel>());
const ownExposures = LEVELS.map(() => new Map<number, PartyRisk['exposure']>());

/** The shared { score, level } pair. */
export function scoreLevel(score: number, level: RiskLevel): ScoreLevel {
  const byScore = scoreLevels[levelRank(level)]!;
  let pair = byScore.get(score);
  if (!pair) byScore.set(score, (pair = Object.freeze({ score, level })));
  return pair;
}

/** The shared exposure of a party exposed by nothing more than its own score. */
export function ownExposure(score: number, level: RiskLevel): PartyRisk['exposure'] {
  const byScore = ownExposures[levelRank(level)]!;
  let exposure = byScore.get(score);
  if (!exposure) byScore.set(score, (exposure = Object.freeze({ score, level, via: null })));
  return exposure;
}
