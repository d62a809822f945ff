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
import { factState, gapFindings, INDICATOR_INDEX, modelTables } from './fact-state';
import { levelOf, levelRank } from './model';
import { scoreLevel } from './shared-values';
import type { RiskModel } from './model';
import type { PartyDerivation } from './derive';
import type { IndicatorOverride, Confidence } from '../model/records';
import type { Party } from '../model/schemas';
import type { EvidenceItem, ExposurePath, IndicatorFinding, PartyRisk, RuledOut } from './types';
import { insertionSort, stableSort } from './small-sort';

/**
 * A party's result with its inherent part filled in. The engine completes its exposure and paths
 * once exposure is propagated, before the result is published, and never changes it afterwards:
 * one object per party rather than an inherent result plus a copy of it in the party result.
 */
export type PartyDraft = { -readonly [K in keyof PartyRisk]: PartyRisk[K] };

/** What a draft holds until the engine completes it. */
export const UNSET_EXPOSURE: PartyRisk['exposure'] = Object.freeze({ score: 0, level: 'low', via: null });
const NO_PATHS: readonly ExposurePath[] = Object.freeze([]);

/** Scores are shown and compared with one decimal, so levels never disagree with the printed score. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;
const MAX_P = 0.999;
const N = INDICATORS.length;
/** Shared by every party with nothing to list there (most parties): results are read-only. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * Per-indicator scratch slots, reused by every call (scoring is synchronous): finding the indicators
 * of 10,000 parties should not allocate a working object and two arrays for each of them.
 */
const slot = {
  has: new Uint8Array(N),
  removed: new Uint8Array(N),
  p: new Float64Array(N),
  strength: new Float64Array(N),
  confidence: new Array<Confidence>(N).fill('suspected'),
  evidence: new Array<EvidenceItem[] | null>(N).fill(null),
  byAuditor: new Uint8Array(N),
  /** −ln(1 − p) of each present indicator, and the indices of the present ones in catalog order. */
  log: new Float64Array(N),
  items: new Int32Array(N),
};

/** Records one finding of indicator i (several findings of one indicator count once, at their strongest). */
function addFinding(i: number, p: number, confidence: Confidence, strength: number, evidence: EvidenceItem, byAuditor: boolean): void {
  if (!slot.has[i]) {
    slot.has[i] = 1;
    slot.p[i] = p;
    slot.confidence[i] = confidence;
    slot.strength[i] = strength;
    slot.evidence[i] = [evidence];
    slot.byAuditor[i] = byAuditor ? 1 : 0;
    return;
  }
  slot.evidence[i]!.push(evidence);
  if (byAuditor) slot.byAuditor[i] = 1;
  if (p > slot.p[i]!) { slot.p[i] = p; slot.confidence[i] = confidence; slot.strength[i] = strength; }
}

const byText = (a: EvidenceItem, b: EvidenceItem) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
// Integer results on purpose: a comparator returning a float difference boxes a number on every call.
const byContribution = (a: IndicatorFinding, b: IndicatorFinding) => (a.contribution > b.contribution ? -1 : a.contribution < b.contribution ? 1 : a.id < b.id ? -1 : 1);

// Notes recur across parties (the same hard rule, the same share of known facts): each distinct
// text, and each list of just that note, is built once and shared. Contradiction notes quote the
// party's own evidence (names, free text), so they are never kept in these module-level caches.
const hardRuleNotes = new Map<IndicatorDef, Partial<Record<Confidence, string>>>();
const hardRuleNote = (def: IndicatorDef, confidence: Confidence): string => {
  let byConfidence = hardRuleNotes.get(def);
  if (!byConfidence) hardRuleNotes.set(def, (byConfidence = {}));
  return (byConfidence[confidence] ??= `Hard rule: ${def.title} (${confidence}) makes the party critical${def.legal ? ` (${def.legal})` : ''}.`);
};
const insufficientNotes: string[] = [];
const insufficientNote = (percent: number): string =>
  (insufficientNotes[percent] ??= `Level raised to medium: only ${percent}% of the facts that matter are known (insufficient information).`);
const singleNotes = new Map<string, readonly string[]>();
const singleNote = (note: string): readonly string[] => {
  let list = singleNotes.get(note);
  if (!list) {
    if (singleNotes.size >= 10_000) singleNotes.clear();
    singleNotes.set(note, (list = Object.freeze([note])));
  }
  return list;
};

/** An item's points of the score: its share of the summed −ln(1 − p). */
const shareOf = (raw: number, total: number, l: number) => (total > 0 ? round1((raw * l) / total) : 0);

/** The auditor's latest word per indicator (by time, then id), so replays give the same result. */
function latestOverrides(overrides: readonly IndicatorOverride[]): IndicatorOverride[] {
  const sorted = [...overrides].sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : a.id < b.id ? -1 : 1));
  const out = new Map<string, IndicatorOverride>();
  for (const o of sorted) if (INDICATOR_INDEX.has(o.indicatorId)) out.set(o.indicatorId, o);
  return [...out.values()];
}

/** Applies the auditor's overrides to the present indicators; returns what they ruled out. */
function applyOverrides(overrides: readonly IndicatorOverride[], weight: Float64Array, conf: Readonly<Record<Confidence, number>>): RuledOut[] {
  const ruledOut: RuledOut[] = [];
  for (const o of latestOverrides(overrides)) {
    const i = INDICATOR_INDEX.get(o.indicatorId)!;
    const def = INDICATORS[i]!;
    if (o.action === 'remove') {
      slot.has[i] = 0;
      slot.removed[i] = 1;
      ruledOut.push({ indicatorId: def.id, title: def.title, reason: o.reason, overrideId: o.id });
      continue;
    }
    const item: EvidenceItem = { kind: 'override', text: `Auditor${o.author ? ` ${o.author}` : ''}: ${o.reason}`, refs: [o.id] };
    addFinding(i, Math.min(MAX_P, weight[i]! * conf[o.confidence]), o.confidence, 1, item, true);
  }
  return ruledOut.sort((a, b) => (a.indicatorId < b.indicatorId ? -1 : 1));
}

/** Scores one party from its derivation and the auditor's overrides: its result, but for exposure and paths. */
export function scoreInherent(d: PartyDerivation, overrides: readonly IndicatorOverride[], model: RiskModel, party: Party): PartyDraft {
  const w = model.weights;
  const tables = modelTables(model);
  const { weight, conf } = tables;
  slot.has.fill(0);
  slot.removed.fill(0);
  for (const der of d.derivations) {
    const i = INDICATOR_INDEX.get(der.indicatorId)!;
    addFinding(i, Math.min(MAX_P, weight[i]! * conf[der.confidence] * der.strength), der.confidence, der.strength, der.evidence, false);
  }
  const ruledOut = overrides.length ? applyOverrides(overrides, weight, conf) : NONE;
  const facts = factState(model, tables, d.facts, d.knownMask);

  // Noisy-OR and order-free attribution by −ln(1 − p), summed in catalog order (present indicators,
  // and the gaps of those neither present nor ruled out), so the total is the same float every time.
  let items = 0;
  let gaps = 0;
  let excluded = 0;
  let total = 0;
  for (let i = 0; i < N; i++) {
    if (slot.has[i]) {
      const l = -Math.log1p(-slot.p[i]!);
      slot.log[i] = l;
      slot.items[items++] = i;
      total += l;
    } else if (facts.gapAt[i]! >= 0 && !slot.removed[i]) {
      gaps++;
      total += facts.gaps[facts.gapAt[i]!]!.log;
      continue;
    }
    if (facts.gapAt[i]! >= 0) excluded |= 1 << facts.gapAt[i]!;
  }
  const raw = 100 * (1 - Math.exp(-total));

  const notes: string[] = d.contradictions.length ? [...d.contradictions] : [];
  let score = round1(raw);
  let level = levelOf(score, w);
  let hard = false;
  for (let k = 0; k < items; k++) {
    const i = slot.items[k]!;
    const def = INDICATORS[i]!;
    const confidence = slot.confidence[i]!;
    if (!def.hardRule || !(confidence === 'confirmed' || (def.hardRule === 'reported' && confidence === 'reported'))) continue;
    hard = true;
    notes.push(hardRuleNote(def, confidence));
  }
  if (hard) {
    if (score < w.hardRuleFloor) {
      notes.push(`Score raised from ${score} to ${w.hardRuleFloor} by the hard rule.`);
      score = w.hardRuleFloor;
    }
    level = 'critical';
  }
  const completeness = facts.completeness;
  const insufficient = completeness < w.insufficientBelow;
  if (insufficient && levelRank(level) < levelRank('medium')) {
    notes.push(insufficientNote(Math.round(completeness * 100)));
    level = 'medium';
  }

  const indicators: IndicatorFinding[] = new Array<IndicatorFinding>(items);
  for (let k = 0; k < items; k++) {
    const i = slot.items[k]!;
    const def = INDICATORS[i]!;
    const evidence = slot.evidence[i]!;
    indicators[k] = {
      id: def.id, code: def.code, title: def.title, confidence: slot.confidence[i]!, strength: round1(slot.strength[i]! * 100) / 100,
      weight: tables.shownWeight[i]!, contribution: shareOf(raw, total, slot.log[i]!), evidence: evidence.length > 1 ? stableSort(evidence, byText) : evidence,
      sources: def.sources, addedByAuditor: slot.byAuditor[i] === 1,
    };
  }
  // Drop the scratch's hold on this party's evidence (texts can name people), ruled-out ones included.
  slot.evidence.fill(null);
  insertionSort(indicators, byContribution);
  const gapList = gaps ? gapFindings(tables, facts, excluded, raw, total, gaps) : NONE;

  return {
    partyId: party.id, name: party.name, kind: party.kind,
    inherent: scoreLevel(score, level), exposure: UNSET_EXPOSURE,
    completeness: Math.round(completeness * 1000) / 1000, knownFacts: facts.knownFacts, totalFacts: d.facts.length,
    factWeight: facts.factWeight, insufficient,
    missingFacts: facts.missingFacts, indicators: items ? indicators : NONE, gaps: gapList,
    ruledOut, notes: notes.length === 0 ? NONE : notes.length === 1 && !d.contradictions.length ? singleNote(notes[0]!) : notes, paths: NO_PATHS,
  };
}
