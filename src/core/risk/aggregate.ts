/**
 * Project-level figures from the party results: the overall rating (the highest exposure in the
 * chain: every party is in scope of the client's due diligence, so the project is as exposed as its
 * most exposed party), completeness over all facts (weighted as for parties), the distribution by level, the red flags found
 * (most serious first), and the parties that most need attention.
 *
 * The figures each party adds are kept in a tally of flat arrays (one slot per party, in id order),
 * so that after an edit only the re-scored parties are tallied again and the project summary is a
 * pass over numbers rather than over 10,000 result objects.
 */
import { INDICATORS } from './catalog';
import { INDICATOR_INDEX } from './fact-state';
import { LEVELS, levelOf, levelRank } from './model';
import type { RiskLevel, RiskWeights } from './model';
import type { PartyRisk, ProjectRiskResult, RedFlagSummary } from './types';

const ATTENTION = 12;
const NOT_LISTED = -1;

/** What each party adds to the project summary, by party index. */
export interface ProjectTally {
  readonly inherentLevel: Uint8Array;
  readonly exposureLevel: Uint8Array;
  readonly exposureScore: Float64Array;
  readonly knownWeight: Float64Array;
  readonly totalWeight: Float64Array;
  readonly insufficient: Uint8Array;
  /** Urgency for "needs attention", or NOT_LISTED for parties with no own flag and enough information. */
  readonly urgency: Float64Array;
  /** Per catalog indicator: parties where it is found, and where it is confirmed. */
  readonly flagParties: Int32Array;
  readonly flagConfirmed: Int32Array;
}

export function createTally(n: number): ProjectTally {
  return {
    inherentLevel: new Uint8Array(n), exposureLevel: new Uint8Array(n), exposureScore: new Float64Array(n),
    knownWeight: new Float64Array(n), totalWeight: new Float64Array(n), insufficient: new Uint8Array(n),
    urgency: new Float64Array(n), flagParties: new Int32Array(INDICATORS.length), flagConfirmed: new Int32Array(INDICATORS.length),
  };
}

/** Urgency for "needs attention": own red flags first, then exposure, then missing information. */
function urgency(p: PartyRisk): number {
  return levelRank(p.inherent.level) * 1e6 + p.inherent.score * 1e3 + levelRank(p.exposure.level) * 100 + (p.insufficient ? 50 : 0) + (1 - p.completeness) * 10;
}

function countFlags(t: ProjectTally, p: PartyRisk, delta: number): void {
  // By index: `indicators` is often the shared frozen empty list, over which for-of allocates an iterator.
  for (let k = 0; k < p.indicators.length; k++) {
    const f = p.indicators[k]!;
    const i = INDICATOR_INDEX.get(f.id)!;
    t.flagParties[i]! += delta;
    if (f.confidence === 'confirmed') t.flagConfirmed[i]! += delta;
  }
}

/** Records party i's result in the tally, replacing `before` (its previous result), if any. */
export function tallyParty(t: ProjectTally, i: number, p: PartyRisk, before?: PartyRisk): void {
  if (before) countFlags(t, before, -1);
  countFlags(t, p, 1);
  t.inherentLevel[i] = levelRank(p.inherent.level);
  t.exposureLevel[i] = levelRank(p.exposure.level);
  t.exposureScore[i] = p.exposure.score;
  t.knownWeight[i] = p.factWeight.known;
  t.totalWeight[i] = p.factWeight.total;
  t.insufficient[i] = p.insufficient ? 1 : 0;
  t.urgency[i] = p.inherent.level !== 'low' || p.insufficient ? urgency(p) : NOT_LISTED;
}

const emptyCounts = (): Record<RiskLevel, number> => ({ low: 0, medium: 0, high: 0, critical: 0 });

/** Builds the project summary from the tally of the parties (ids in index order). */
export function aggregateProject(t: ProjectTally, ids: readonly string[], weights: RiskWeights): ProjectRiskResult['project'] & { topRedFlags: RedFlagSummary[]; attention: string[] } {
  const inherent = emptyCounts();
  const exposure = emptyCounts();
  let known = 0;
  let total = 0;
  let best = -1;
  let insufficientParties = 0;
  const top: { i: number; u: number }[] = [];
  for (let i = 0; i < ids.length; i++) {
    inherent[LEVELS[t.inherentLevel[i]!]!]++;
    exposure[LEVELS[t.exposureLevel[i]!]!]++;
    known += t.knownWeight[i]!;
    total += t.totalWeight[i]!;
    if (t.insufficient[i]) insufficientParties++;
    if (best < 0 || t.exposureScore[i]! > t.exposureScore[best]! || (t.exposureScore[i] === t.exposureScore[best] && t.exposureLevel[i]! > t.exposureLevel[best]!)) best = i;
    const u = t.urgency[i]!;
    if (u !== NOT_LISTED && (top.length < ATTENTION || u > top[top.length - 1]!.u)) {
      // Parties come in id order, so an equal urgency goes after those already kept.
      let at = top.length;
      while (at > 0 && top[at - 1]!.u < u) at--;
      top.splice(at, 0, { i, u });
      if (top.length > ATTENTION) top.pop();
    }
  }
  const completeness = total ? Math.round((known / total) * 1000) / 1000 : 0;
  const insufficient = completeness < weights.insufficientBelow;
  const score = best >= 0 ? t.exposureScore[best]! : 0;
  let rating: RiskLevel = best >= 0 ? LEVELS[t.exposureLevel[best]!]! : 'low';
  if (levelRank(levelOf(score, weights)) > levelRank(rating)) rating = levelOf(score, weights);
  if (insufficient && rating === 'low') rating = 'medium';
  const topRedFlags: RedFlagSummary[] = [];
  INDICATORS.forEach((def, i) => {
    if (t.flagParties[i]! > 0) topRedFlags.push({ indicatorId: def.id, code: def.code, title: def.title, parties: t.flagParties[i]!, confirmed: t.flagConfirmed[i]! });
  });
  topRedFlags.sort((a, b) => (weights.indicators[b.indicatorId] ?? 0) - (weights.indicators[a.indicatorId] ?? 0) || b.parties - a.parties || (a.indicatorId < b.indicatorId ? -1 : 1));
  return {
    rating, score, completeness, insufficient, drivenBy: best >= 0 && score > 0 ? ids[best]! : null,
    distribution: { inherent, exposure }, insufficientParties, topRedFlags, attention: top.map((x) => ids[x.i]!),
  };
}
