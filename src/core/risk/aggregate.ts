/**
 * Project-level figures from the party results: the overall rating (the highest exposure in the
 * chain: every party is in scope of the client's due diligence, so the project is as exposed as its
 * most exposed party), completeness over all facts (weighted as for parties), the distribution by level, the red flags found
 * (most serious first), and the parties that most need attention.
 */
import { indicatorById } from './catalog';
import { levelOf, levelRank } from './model';
import type { RiskLevel, RiskWeights } from './model';
import type { PartyRisk, ProjectRiskResult, RedFlagSummary } from './types';

const ATTENTION = 12;

const emptyCounts = (): Record<RiskLevel, number> => ({ low: 0, medium: 0, high: 0, critical: 0 });

/** Urgency for "needs attention": own red flags first, then exposure, then missing information. */
function urgency(p: PartyRisk): number {
  return levelRank(p.inherent.level) * 1e6 + p.inherent.score * 1e3 + levelRank(p.exposure.level) * 100 + (p.insufficient ? 50 : 0) + (1 - p.completeness) * 10;
}

/** Builds the project summary of a scored party list (in id order). */
export function aggregateProject(parties: readonly PartyRisk[], weights: RiskWeights): ProjectRiskResult['project'] & { topRedFlags: RedFlagSummary[]; attention: string[] } {
  const inherent = emptyCounts();
  const exposure = emptyCounts();
  let known = 0;
  let total = 0;
  let best: PartyRisk | null = null;
  let insufficientParties = 0;
  const flags = new Map<string, { parties: number; confirmed: number }>();
  const top: { p: PartyRisk; u: number }[] = [];
  for (const p of parties) {
    inherent[p.inherent.level]++;
    exposure[p.exposure.level]++;
    known += p.factWeight.known;
    total += p.factWeight.total;
    if (p.insufficient) insufficientParties++;
    if (!best || p.exposure.score > best.exposure.score || (p.exposure.score === best.exposure.score && levelRank(p.exposure.level) > levelRank(best.exposure.level))) best = p;
    for (const f of p.indicators) {
      const entry = flags.get(f.id) ?? { parties: 0, confirmed: 0 };
      entry.parties++;
      if (f.confidence === 'confirmed') entry.confirmed++;
      flags.set(f.id, entry);
    }
    if (p.inherent.level !== 'low' || p.insufficient) {
      const u = urgency(p);
      if (top.length < ATTENTION || u > top[top.length - 1]!.u) {
        // Parties come in id order, so an equal urgency goes after those already kept.
        let at = top.length;
        while (at > 0 && top[at - 1]!.u < u) at--;
        top.splice(at, 0, { p, u });
        if (top.length > ATTENTION) top.pop();
      }
    }
  }
  const completeness = total ? Math.round((known / total) * 1000) / 1000 : 0;
  const insufficient = completeness < weights.insufficientBelow;
  const score = best ? best.exposure.score : 0;
  let rating: RiskLevel = best ? best.exposure.level : 'low';
  if (levelRank(levelOf(score, weights)) > levelRank(rating)) rating = levelOf(score, weights);
  if (insufficient && rating === 'low') rating = 'medium';
  const topRedFlags = [...flags].map(([id, e]) => {
    const def = indicatorById(id)!;
    return { indicatorId: id, code: def.code, title: def.title, parties: e.parties, confirmed: e.confirmed };
  }).sort((a, b) => (weights.indicators[b.indicatorId] ?? 0) - (weights.indicators[a.indicatorId] ?? 0) || b.parties - a.parties || (a.indicatorId < b.indicatorId ? -1 : 1));
  return {
    rating, score, completeness, insufficient, drivenBy: best && best.exposure.score > 0 ? best.partyId : null,
    distribution: { inherent, exposure }, insufficientParties, topRedFlags, attention: top.map((t) => t.p.partyId),
  };
}

