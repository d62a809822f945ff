/**
 * A party's inherent score: how strongly its own data points to DPRK labour, before looking down
 * the chain. The combination method (versioned as RISK_MODEL_VERSION) is:
 *
 * 1. Each indicator found gets p = weight/100 × confidence factor × strength; several derivations of
 *    the same indicator count once, at their strongest. An auditor override adds one (at its stated
 *    confidence) or rules one out.
 * 2. Each indicator neither found nor ruled out keeps p = weight/100 × unknownFactor × (share of its
 *    facts still unknown): unknown is not safe, and learning a fact either establishes the indicator
 *    (which weighs more) or clears it.
 * 3. The score is a noisy-OR: 100 × (1 − Π(1 − p)). It is bounded, independent of order, and never
 *    falls when an indicator is added or strengthened. Each item's contribution is its share of
 *    −ln(1 − p), so contributions add up to the score without depending on order.
 * 4. Hard rules: a confirmed designation match, or DPRK nationals working (reported or confirmed),
 *    makes the party critical with at least `hardRuleFloor` points.
 * 5. Completeness is the share of the applicable facts that are known, each fact weighted by the
 *    indicator it settles. Below `insufficientBelow` the party is flagged "insufficient information"
 *    and a low level is lifted to medium.
 */
import { indicatorById, INDICATORS } from './catalog';
import type { IndicatorDef } from './catalog';
import { confidenceFactor, levelOf, levelRank } from './model';
import type { RiskModel, RiskLevel } from './model';
import type { PartyDerivation } from './derive';
import type { IndicatorOverride, Confidence } from '../model/records';
import type { EvidenceItem, GapFinding, IndicatorFinding, RuledOut } from './types';

export interface InherentResult {
  readonly score: number;
  readonly level: RiskLevel;
  readonly completeness: number;
  readonly knownFacts: number;
  readonly totalFacts: number;
  /** Weighted completeness parts: the sums behind `completeness`, for project totals. */
  readonly factWeight: { readonly known: number; readonly total: number };
  readonly insufficient: boolean;
  readonly missingFacts: readonly { readonly id: string; readonly label: string }[];
  readonly indicators: readonly IndicatorFinding[];
  readonly gaps: readonly GapFinding[];
  readonly ruledOut: readonly RuledOut[];
  readonly notes: readonly string[];
}

/** Scores are shown and compared with one decimal, so levels never disagree with the printed score. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;
const MAX_P = 0.999;
/** Weight of a fact that settles no indicator (e.g. headcount), for weighted completeness. */
const MINOR_FACT_WEIGHT = 10;

interface Present {
  def: IndicatorDef;
  p: number;
  confidence: Confidence;
  strength: number;
  evidence: EvidenceItem[];
  addedByAuditor: boolean;
}

const byText = (a: EvidenceItem, b: EvidenceItem) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);

/** The auditor's latest word per indicator (by time, then id), so replays give the same result. */
function latestOverrides(overrides: readonly IndicatorOverride[]): Map<string, IndicatorOverride> {
  const sorted = [...overrides].sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : a.id < b.id ? -1 : 1));
  const out = new Map<string, IndicatorOverride>();
  for (const o of sorted) if (indicatorById(o.indicatorId)) out.set(o.indicatorId, o);
  return out;
}

/** Scores one party from its derivation and the auditor's overrides. */
export function scoreInherent(d: PartyDerivation, overrides: readonly IndicatorOverride[], model: RiskModel): InherentResult {
  const w = model.weights;
  const weightOf = (def: IndicatorDef) => (w.indicators[def.id] ?? def.weight) / 100;
  const present = new Map<string, Present>();
  for (const der of d.derivations) {
    const def = indicatorById(der.indicatorId)!;
    const p = Math.min(MAX_P, weightOf(def) * confidenceFactor(der.confidence, w) * der.strength);
    const cur = present.get(def.id);
    if (!cur) present.set(def.id, { def, p, confidence: der.confidence, strength: der.strength, evidence: [der.evidence], addedByAuditor: false });
    else {
      cur.evidence.push(der.evidence);
      if (p > cur.p) Object.assign(cur, { p, confidence: der.confidence, strength: der.strength });
    }
  }
  const ruledOut: RuledOut[] = [];
  for (const o of latestOverrides(overrides).values()) {
    const def = indicatorById(o.indicatorId)!;
    const item: EvidenceItem = { kind: 'override', text: `Auditor${o.author ? ` ${o.author}` : ''}: ${o.reason}`, refs: [o.id] };
    if (o.action === 'remove') {
      present.delete(def.id);
      ruledOut.push({ indicatorId: def.id, title: def.title, reason: o.reason, overrideId: o.id });
      continue;
    }
    const p = Math.min(MAX_P, weightOf(def) * confidenceFactor(o.confidence, w));
    const cur = present.get(def.id);
    if (!cur) present.set(def.id, { def, p, confidence: o.confidence, strength: 1, evidence: [item], addedByAuditor: true });
    else {
      cur.evidence.push(item);
      cur.addedByAuditor = true;
      if (p > cur.p) Object.assign(cur, { p, confidence: o.confidence, strength: 1 });
    }
  }

  // Completeness, and the weight kept by indicators whose facts are still unknown.
  const factsBy = new Map<string, { known: number; unknown: { id: string; label: string }[] }>();
  let known = 0;
  let knownWeight = 0;
  let totalWeight = 0;
  const missing: { id: string; label: string }[] = [];
  for (const f of d.facts) {
    // A fact matters as much as the indicator it settles; facts that settle none count as a minor one.
    const def = f.fact.indicator ? indicatorById(f.fact.indicator) : undefined;
    const factWeight = def ? (w.indicators[def.id] ?? def.weight) : MINOR_FACT_WEIGHT;
    totalWeight += factWeight;
    if (f.known) {
      known++;
      knownWeight += factWeight;
    } else missing.push({ id: f.fact.id, label: f.fact.label });
    if (!f.fact.indicator) continue;
    const entry = factsBy.get(f.fact.indicator) ?? { known: 0, unknown: [] };
    if (f.known) entry.known++;
    else entry.unknown.push({ id: f.fact.id, label: f.fact.label });
    factsBy.set(f.fact.indicator, entry);
  }
  const removed = new Set(ruledOut.map((r) => r.indicatorId));
  const gapItems: { def: IndicatorDef; p: number; entry: { known: number; unknown: { id: string; label: string }[] } }[] = [];
  for (const def of INDICATORS) {
    const entry = factsBy.get(def.id);
    if (!entry || entry.unknown.length === 0 || present.has(def.id) || removed.has(def.id)) continue;
    const share = entry.unknown.length / (entry.unknown.length + entry.known);
    gapItems.push({ def, p: weightOf(def) * w.unknownFactor * share, entry });
  }

  // Noisy-OR and order-free attribution by −ln(1 − p).
  const items = [...present.values()];
  const logs = items.map((i) => -Math.log1p(-i.p));
  const gapLogs = gapItems.map((g) => -Math.log1p(-g.p));
  const total = [...logs, ...gapLogs].reduce((a, b) => a + b, 0);
  const raw = 100 * (1 - Math.exp(-total));
  const share = (l: number) => (total > 0 ? round1((raw * l) / total) : 0);

  const notes: string[] = [...d.contradictions];
  let score = round1(raw);
  const hard = items.filter((i) => i.def.hardRule && (i.confidence === 'confirmed' || (i.def.hardRule === 'reported' && i.confidence === 'reported')));
  let level = levelOf(score, w);
  if (hard.length) {
    for (const h of hard) notes.push(`Hard rule: ${h.def.title} (${h.confidence}) makes the party critical${h.def.legal ? ` (${h.def.legal})` : ''}.`);
    if (score < w.hardRuleFloor) {
      notes.push(`Score raised from ${score} to ${w.hardRuleFloor} by the hard rule.`);
      score = w.hardRuleFloor;
    }
    level = 'critical';
  }
  const completeness = totalWeight > 0 ? knownWeight / totalWeight : 1;
  const insufficient = completeness < w.insufficientBelow;
  if (insufficient && levelRank(level) < levelRank('medium')) {
    notes.push(`Level raised to medium: only ${Math.round(completeness * 100)}% of the facts that matter are known (insufficient information).`);
    level = 'medium';
  }

  const indicators: IndicatorFinding[] = items.map((i, k) => ({
    id: i.def.id, code: i.def.code, title: i.def.title, confidence: i.confidence, strength: round1(i.strength * 100) / 100,
    weight: w.indicators[i.def.id] ?? i.def.weight, contribution: share(logs[k]!), evidence: [...i.evidence].sort(byText),
    sources: i.def.sources, addedByAuditor: i.addedByAuditor,
  })).sort((a, b) => b.contribution - a.contribution || (a.id < b.id ? -1 : 1));
  const gaps: GapFinding[] = gapItems.map((g, k) => ({
    indicatorId: g.def.id, title: g.def.title, unknownFacts: g.entry.unknown, knownFacts: g.entry.known, contribution: share(gapLogs[k]!),
  })).sort((a, b) => b.contribution - a.contribution || (a.indicatorId < b.indicatorId ? -1 : 1));

  return {
    score, level, completeness: Math.round(completeness * 1000) / 1000, knownFacts: known, totalFacts: d.facts.length,
    factWeight: { known: knownWeight, total: totalWeight }, insufficient,
    missingFacts: missing, indicators, gaps, ruledOut: ruledOut.sort((a, b) => (a.indicatorId < b.indicatorId ? -1 : 1)), notes,
  };
}
