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
import { INDICATORS } from './catalog';
import type { IndicatorDef } from './catalog';
import { factRef } from './facts';
import type { FactRef } from './facts';
import { levelOf, levelRank } from './model';
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
  readonly missingFacts: readonly FactRef[];
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
const N = INDICATORS.length;
const INDEX: ReadonlyMap<string, number> = new Map(INDICATORS.map((d, i) => [d.id, i]));

/** Per-model numbers, computed once per model rather than once per party. */
interface Prepared {
  readonly weight: Float64Array;
  readonly conf: Readonly<Record<Confidence, number>>;
}
const preparedByModel = new WeakMap<RiskModel, Prepared>();
function prepare(model: RiskModel): Prepared {
  let p = preparedByModel.get(model);
  if (!p) {
    const weight = new Float64Array(N);
    INDICATORS.forEach((d, i) => { weight[i] = (model.weights.indicators[d.id] ?? d.weight) / 100; });
    preparedByModel.set(model, (p = { weight, conf: model.weights.confidence }));
  }
  return p;
}

const SCRATCH = {
  present: new Array<Present | undefined>(N),
  removed: new Uint8Array(N),
  knownBy: new Uint16Array(N),
  unknownBy: new Array<FactRef[] | undefined>(N),
};

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
function latestOverrides(overrides: readonly IndicatorOverride[]): IndicatorOverride[] {
  const sorted = [...overrides].sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : a.id < b.id ? -1 : 1));
  const out = new Map<string, IndicatorOverride>();
  for (const o of sorted) if (INDEX.has(o.indicatorId)) out.set(o.indicatorId, o);
  return [...out.values()];
}

/** Scores one party from its derivation and the auditor's overrides. */
export function scoreInherent(d: PartyDerivation, overrides: readonly IndicatorOverride[], model: RiskModel): InherentResult {
  const w = model.weights;
  const { weight, conf } = prepare(model);
  // Scratch buffers shared across calls (scoring is synchronous): scoring 10,000 parties should not allocate 40,000 small arrays.
  const present = SCRATCH.present.fill(undefined);
  const removed = SCRATCH.removed.fill(0);
  const knownBy = SCRATCH.knownBy.fill(0);
  const unknownBy = SCRATCH.unknownBy.fill(undefined);
  for (const der of d.derivations) {
    const i = INDEX.get(der.indicatorId)!;
    const p = Math.min(MAX_P, weight[i]! * conf[der.confidence] * der.strength);
    const cur = present[i];
    if (!cur) present[i] = { def: INDICATORS[i]!, p, confidence: der.confidence, strength: der.strength, evidence: [der.evidence], addedByAuditor: false };
    else {
      cur.evidence.push(der.evidence);
      if (p > cur.p) { cur.p = p; cur.confidence = der.confidence; cur.strength = der.strength; }
    }
  }
  const ruledOut: RuledOut[] = [];
  if (overrides.length) {
    for (const o of latestOverrides(overrides)) {
      const i = INDEX.get(o.indicatorId)!;
      const def = INDICATORS[i]!;
      if (o.action === 'remove') {
        present[i] = undefined;
        removed[i] = 1;
        ruledOut.push({ indicatorId: def.id, title: def.title, reason: o.reason, overrideId: o.id });
        continue;
      }
      const item: EvidenceItem = { kind: 'override', text: `Auditor${o.author ? ` ${o.author}` : ''}: ${o.reason}`, refs: [o.id] };
      const p = Math.min(MAX_P, weight[i]! * conf[o.confidence]);
      const cur = present[i];
      if (!cur) present[i] = { def, p, confidence: o.confidence, strength: 1, evidence: [item], addedByAuditor: true };
      else {
        cur.evidence.push(item);
        cur.addedByAuditor = true;
        if (p > cur.p) { cur.p = p; cur.confidence = o.confidence; cur.strength = 1; }
      }
    }
  }

  // Completeness, and the weight kept by indicators whose facts are still unknown.
  let known = 0;
  let knownWeight = 0;
  let totalWeight = 0;
  const missing: FactRef[] = [];
  for (let f = 0; f < d.facts.length; f++) {
    const fact = d.facts[f]!;
    // A fact matters as much as the indicator it settles; facts that settle none count as a minor one.
    const i = fact.indicator ? INDEX.get(fact.indicator)! : -1;
    const factWeight = i >= 0 ? weight[i]! * 100 : MINOR_FACT_WEIGHT;
    totalWeight += factWeight;
    if (d.known[f]) {
      known++;
      knownWeight += factWeight;
      if (i >= 0) knownBy[i]!++;
    } else {
      const ref = factRef(fact);
      missing.push(ref);
      if (i >= 0) (unknownBy[i] ??= []).push(ref);
    }
  }

  // Noisy-OR and order-free attribution by −ln(1 − p).
  const items: Present[] = [];
  const logs: number[] = [];
  const gapIdx: number[] = [];
  const gapLogs: number[] = [];
  let total = 0;
  for (let i = 0; i < N; i++) {
    const item = present[i];
    if (item) {
      const l = -Math.log1p(-item.p);
      items.push(item);
      logs.push(l);
      total += l;
    } else if (unknownBy[i] !== undefined && !removed[i]) {
      const u = unknownBy[i]!.length;
      const l = -Math.log1p(-(weight[i]! * w.unknownFactor * (u / (u + knownBy[i]!))));
      gapIdx.push(i);
      gapLogs.push(l);
      total += l;
    }
  }
  const raw = 100 * (1 - Math.exp(-total));
  const share = (l: number) => (total > 0 ? round1((raw * l) / total) : 0);

  const notes: string[] = d.contradictions.length ? [...d.contradictions] : [];
  let score = round1(raw);
  let level = levelOf(score, w);
  let hard = false;
  for (const h of items) {
    if (!h.def.hardRule || !(h.confidence === 'confirmed' || (h.def.hardRule === 'reported' && h.confidence === 'reported'))) continue;
    hard = true;
    notes.push(`Hard rule: ${h.def.title} (${h.confidence}) makes the party critical${h.def.legal ? ` (${h.def.legal})` : ''}.`);
  }
  if (hard) {
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
    weight: w.indicators[i.def.id] ?? i.def.weight, contribution: share(logs[k]!), evidence: i.evidence.length > 1 ? i.evidence.sort(byText) : i.evidence,
    sources: i.def.sources, addedByAuditor: i.addedByAuditor,
  }));
  if (indicators.length > 1) indicators.sort((a, b) => b.contribution - a.contribution || (a.id < b.id ? -1 : 1));
  const gaps: GapFinding[] = gapIdx.map((i, k) => {
    const def = INDICATORS[i]!;
    return { indicatorId: def.id, title: def.title, unknownFacts: unknownBy[i]!, knownFacts: knownBy[i]!, contribution: share(gapLogs[k]!) };
  });
  gaps.sort((a, b) => b.contribution - a.contribution || (a.indicatorId < b.indicatorId ? -1 : 1));

  return {
    score, level, completeness: Math.round(completeness * 1000) / 1000, knownFacts: known, totalFacts: d.facts.length,
    factWeight: { known: knownWeight, total: totalWeight }, insufficient,
    missingFacts: missing, indicators, gaps, ruledOut: ruledOut.sort((a, b) => (a.indicatorId < b.indicatorId ? -1 : 1)), notes,
  };
}


