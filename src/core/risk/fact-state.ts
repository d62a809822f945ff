/**
 * What a party's known and unknown facts amount to, computed once and shared. Which facts are known
 * is a bit mask over the facts that apply to the party's role; everything that follows from it under
 * a model (counts, weighted completeness, the list of missing facts, the unknown facts per indicator
 * and the weight they keep in the score) depends on nothing else. The benchmark's chain of 10,000
 * parties has about 2,300 distinct masks, so this is computed that often instead of 10,000 times,
 * and the lists it hands out (missing facts, gap findings) are shared, frozen, by every party with
 * the same state instead of rebuilt for each one.
 */
import { INDICATORS } from './catalog';
import type { IndicatorDef } from './catalog';
import { factRef } from './facts';
import type { FactDef, FactRef } from './facts';
import type { RiskModel } from './model';
import type { Confidence } from '../model/records';
import { insertionSort } from './small-sort';
import type { GapFinding } from './types';

/** Weight of a fact that settles no indicator (e.g. headcount), for weighted completeness. */
const MINOR_FACT_WEIGHT = 10;
/** Memo entries kept per model before starting over: bounds memory however many projects a model scores. */
const MAX_STATES = 100_000;

export const INDICATOR_INDEX: ReadonlyMap<string, number> = new Map(INDICATORS.map((d, i) => [d.id, i]));

/** Per-model numbers, computed once per model object rather than once per party. */
export interface ModelTables {
  /** Indicator weight / 100, by catalog index. */
  readonly weight: Float64Array;
  /** The weight shown on findings (the model's, or the catalog default), by catalog index. */
  readonly shownWeight: readonly number[];
  readonly conf: Readonly<Record<Confidence, number>>;
  /** Fact list (shared per role) → mask → state. */
  readonly states: Map<readonly FactDef[], Map<number, FactState>>;
  size: number;
  /**
   * Gaps by indicator and which of its facts are known or not: a few dozen distinct ones, shared by
   * all the states (so their cached findings stay few and close together in memory).
   */
  readonly gapBases: Map<string, GapBase>;
}

/** An indicator whose facts are partly unknown: the part of its weight it keeps while they are. */
export interface GapBase {
  readonly index: number;
  readonly def: IndicatorDef;
  readonly unknownFacts: readonly FactRef[];
  readonly knownFacts: number;
  /** −ln(1 − p) of the weight it keeps, its share in the noisy-OR. */
  readonly log: number;
  /** Findings already built for this gap, by contribution × 10 (contributions are rounded to 0.1, so these are integers). */
  readonly findings: Map<number, GapFinding>;
}

export interface FactState {
  readonly knownFacts: number;
  readonly factWeight: { readonly known: number; readonly total: number };
  /** Weighted share of the facts that are known (unrounded). */
  readonly completeness: number;
  readonly missingFacts: readonly FactRef[];
  /** Indicators with unknown facts, in catalog order. */
  readonly gaps: readonly GapBase[];
  /** The same, largest share first (ties by indicator id): the order gap findings are listed in. */
  readonly gapsByShare: readonly GapBase[];
  /** Per catalog index: the indicator's position in `gaps`, or -1. */
  readonly gapAt: Int8Array;
  /** Gap finding lists already built: by the gaps left out (bit per position in `gaps`), then by the party's noisy-OR total. */
  readonly lists: Map<number, Map<number, readonly GapFinding[]>>;
}

const tablesByModel = new WeakMap<RiskModel, ModelTables>();
/** Scores are shown and compared with one decimal (same rounding as the inherent score). */
const round1 = (x: number): number => Math.round(x * 10) / 10;
const gapOrder = (a: GapFinding, b: GapFinding) => (a.contribution > b.contribution ? -1 : a.contribution < b.contribution ? 1 : a.indicatorId < b.indicatorId ? -1 : 1);

/** The model's per-indicator tables (memoised by model object). */
export function modelTables(model: RiskModel): ModelTables {
  let t = tablesByModel.get(model);
  if (!t) {
    const weight = new Float64Array(INDICATORS.length);
    const shownWeight = INDICATORS.map((d, i) => {
      weight[i] = (model.weights.indicators[d.id] ?? d.weight) / 100;
      return model.weights.indicators[d.id] ?? d.weight;
    });
    tablesByModel.set(model, (t = { weight, shownWeight, conf: model.weights.confidence, states: new Map(), size: 0, gapBases: new Map() }));
  }
  return t;
}

function clearStates(tables: ModelTables): void {
  tables.states.clear();
  tables.gapBases.clear();
  tables.size = 0;
}

/** The state of a party's facts: `facts` are those that apply to its role, bit f of `knownMask` says whether facts[f] is known. */
export function factState(model: RiskModel, tables: ModelTables, facts: readonly FactDef[], knownMask: number): FactState {
  let byMask = tables.states.get(facts);
  if (!byMask) tables.states.set(facts, (byMask = new Map()));
  let state = byMask.get(knownMask);
  if (!state) {
    if (tables.size >= MAX_STATES) {
      clearStates(tables);
      tables.states.set(facts, (byMask = new Map()));
    }
    state = computeState(model, tables, facts, knownMask);
    byMask.set(knownMask, state);
    tables.size++;
  }
  return state;
}

function computeState(model: RiskModel, tables: ModelTables, facts: readonly FactDef[], knownMask: number): FactState {
  const weight = tables.weight;
  const knownBy = new Uint16Array(INDICATORS.length);
  const unknownBy: (FactRef[] | undefined)[] = new Array<FactRef[] | undefined>(INDICATORS.length);
  const missing: FactRef[] = [];
  let known = 0;
  let knownWeight = 0;
  let totalWeight = 0;
  for (let f = 0; f < facts.length; f++) {
    const fact = facts[f]!;
    // A fact matters as much as the indicator it settles; facts that settle none count as a minor one.
    const i = fact.indicator ? INDICATOR_INDEX.get(fact.indicator)! : -1;
    const factWeight = i >= 0 ? weight[i]! * 100 : MINOR_FACT_WEIGHT;
    totalWeight += factWeight;
    if (knownMask & (1 << f)) {
      known++;
      knownWeight += factWeight;
      if (i >= 0) knownBy[i]!++;
    } else {
      const ref = factRef(fact);
      missing.push(ref);
      if (i >= 0) (unknownBy[i] ??= []).push(ref);
    }
  }
  const gaps: GapBase[] = [];
  const gapAt = new Int8Array(INDICATORS.length).fill(-1);
  for (let i = 0; i < INDICATORS.length; i++) {
    const unknown = unknownBy[i];
    if (!unknown) continue;
    const key = `${i}|${knownBy[i]}|${unknown.map((f) => f.id).join(',')}`;
    let gap = tables.gapBases.get(key);
    if (!gap) {
      const u = unknown.length;
      const log = -Math.log1p(-(weight[i]! * model.weights.unknownFactor * (u / (u + knownBy[i]!))));
      tables.gapBases.set(key, (gap = { index: i, def: INDICATORS[i]!, unknownFacts: Object.freeze(unknown), knownFacts: knownBy[i]!, log, findings: new Map() }));
    }
    gapAt[i] = gaps.length;
    gaps.push(gap);
  }
  const gapsByShare = [...gaps].sort((a, b) => b.log - a.log || (a.def.id < b.def.id ? -1 : 1));
  return {
    knownFacts: known,
    factWeight: Object.freeze({ known: knownWeight, total: totalWeight }),
    completeness: totalWeight > 0 ? knownWeight / totalWeight : 1,
    missingFacts: Object.freeze(missing),
    gaps,
    gapsByShare,
    gapAt,
    lists: new Map(),
  };
}

/** The (shared, frozen) finding for a gap at a given contribution. */
export function gapFinding(gap: GapBase, contribution: number): GapFinding {
  // Integer keys: a map hashes small integers much faster than fractional numbers.
  const key = Math.round(contribution * 10);
  let finding = gap.findings.get(key);
  if (!finding) {
    finding = Object.freeze({ indicatorId: gap.def.id, title: gap.def.title, unknownFacts: gap.unknownFacts, knownFacts: gap.knownFacts, contribution });
    gap.findings.set(key, finding);
  }
  return finding;
}

/**
 * The gap findings of a party in this fact state, largest contribution first (ties by indicator
 * id): the gaps not left out (bit g of `excluded` leaves out gaps[g], found or ruled out), each
 * contributing its share of the party's noisy-OR `total` (whose score is `raw`). Parties with the
 * same state, the same gaps left out and the same total share one frozen list.
 */
export function gapFindings(tables: ModelTables, state: FactState, excluded: number, raw: number, total: number, count: number): readonly GapFinding[] {
  let byTotal = state.lists.get(excluded);
  if (!byTotal) state.lists.set(excluded, (byTotal = new Map()));
  let list = byTotal.get(total);
  if (list) return list;
  const findings = new Array<GapFinding>(count);
  // Visited largest share first, so the list is already in order but where two shares round to the
  // same contribution; the insertion sort only settles those ties (by id).
  for (let g = 0, k = 0; k < count; g++) {
    const gap = state.gapsByShare[g]!;
    if (!(excluded & (1 << state.gapAt[gap.index]!))) findings[k++] = gapFinding(gap, total > 0 ? round1((raw * gap.log) / total) : 0);
  }
  list = Object.freeze(insertionSort(findings, gapOrder));
  if (tables.size >= MAX_STATES) clearStates(tables);
  byTotal.set(total, list);
  tables.size++;
  return list;
}
