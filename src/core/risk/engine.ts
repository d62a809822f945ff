/**
 * The scoring session: scores a whole project (derive → inherent → propagate → aggregate) and keeps
 * what it needs to re-score after an edit without starting over. An edit is found by comparing the
 * next snapshot with the previous one (rows compared by reference, then by updatedAt, which the
 * repository stamps on every write); only the edited parties and their direct neighbours are
 * derived again, exposure is re-propagated over compact arrays, and cycles are recomputed only when
 * links changed. Adding or removing a party, or editing the project itself, re-scores in full.
 */
import { findExposureCycles } from './cycles';
import type { Evidence, Link, Party } from '../model/schemas';
import type { ProjectSnapshot } from '../model/snapshot';
import { aggregateProject } from './aggregate';
import { deriveParty } from './derive';
import { round1, scoreInherent } from './inherent';
import type { InherentResult } from './inherent';
import { createRiskModel, EXPOSURE_RELATIONS, levelOf, levelRank } from './model';
import type { RiskModel, RiskWeights, RiskLevel } from './model';
import { buildExposureGraph, exposureEnds, propagateExposure, reaches, topPaths } from './propagate';
import type { Exposure, ExposureGraph } from './propagate';
import { addLink, buildRiskIndex, inOf, outOf, removeLink, replaceRecord } from './risk-index';
import type { RiskIndex } from './risk-index';
import type { PartyRisk, ProjectRiskResult } from './types';

export interface ScoreOptions {
  /** A built model, or raw weights (validated by the caller), or nothing for the shipped model. */
  readonly model?: RiskModel;
  readonly weights?: RiskWeights;
  /** Assessment date (YYYY-MM-DD) for date rules; defaults to none, so results depend only on data. */
  readonly asOf?: string;
  /** Paths listed per party (default 3). */
  readonly maxPaths?: number;
}

export interface RiskSession {
  readonly model: RiskModel;
  /** The latest result. */
  readonly result: ProjectRiskResult;
  /** Re-scores after an edit and returns the new result. */
  update(next: ProjectSnapshot): ProjectRiskResult;
}

const sameRow = (a: { updatedAt: string } | undefined, b: { updatedAt: string }) => a === b || (a !== undefined && a.updatedAt === b.updatedAt);

const RELATION_CODE = new Map(EXPOSURE_RELATIONS.map((r, i) => [r as string, i]));

/** Each party's best step as a number (source index × 8 + relation), comparable across graph rebuilds. */
function predKeys(g: ExposureGraph, x: Exposure): Int32Array {
  const keys = new Int32Array(g.ids.length);
  for (let i = 0; i < keys.length; i++) {
    const e = x.predEdge[i]!;
    keys[i] = e < 0 ? -1 : g.edgeChild[e]! * 8 + RELATION_CODE.get(g.edgeRelation[e]!)!;
  }
  return keys;
}

/**
 * Rows that changed between two lists of the same table: a positional walk while ids line up (the
 * common case: one edit in a list kept in id order), falling back to a lookup by id for the rest.
 */
function diffRows<T extends { id: string; updatedAt: string }>(before: readonly T[], after: readonly T[]): { changed: [T | undefined, T][]; removed: T[] } {
  const changed: [T | undefined, T][] = [];
  let i = 0;
  const common = Math.min(before.length, after.length);
  while (i < common && before[i]!.id === after[i]!.id) {
    if (!sameRow(before[i], after[i]!)) changed.push([before[i], after[i]!]);
    i++;
  }
  if (i === before.length && i === after.length) return { changed, removed: [] };
  const old = new Map<string, T>();
  for (let k = i; k < before.length; k++) old.set(before[k]!.id, before[k]!);
  for (let k = i; k < after.length; k++) {
    const r = after[k]!;
    const b = old.get(r.id);
    old.delete(r.id);
    if (!sameRow(b, r)) changed.push([b, r]);
  }
  return { changed, removed: [...old.values()] };
}

class Session implements RiskSession {
  readonly model: RiskModel;
  result!: ProjectRiskResult;
  private idx!: RiskIndex;
  private snapshot!: ProjectSnapshot;
  private ids: string[] = [];
  private indexOf = new Map<string, number>();
  private inherent = new Map<string, InherentResult>();
  private graph!: ExposureGraph;
  private cycles: string[][] = [];
  private cycleOf = new Map<string, number>();
  private x: Exposure | null = null;
  private predKeys: Int32Array = new Int32Array(0);
  private partyResults: PartyRisk[] = [];
  private danglingWarnings: string[] = [];

  constructor(snapshot: ProjectSnapshot, private readonly options: ScoreOptions) {
    this.model = options.model ?? createRiskModel(options.weights);
    this.full(snapshot);
  }

  private full(snapshot: ProjectSnapshot): void {
    this.snapshot = snapshot;
    this.idx = buildRiskIndex(snapshot, this.options.asOf ?? '');
    this.ids = snapshot.parties.map((p) => p.id).sort();
    this.indexOf = new Map(this.ids.map((id, i) => [id, i]));
    this.inherent = new Map();
    this.x = null;
    this.partyResults = [];
    for (const party of snapshot.parties) this.scoreParty(party);
    this.relink();
    this.assemble();
  }

  private scoreParty(party: Party): void {
    this.inherent.set(party.id, scoreInherent(deriveParty(this.idx, party), this.idx.overrides.get(party.id) ?? [], this.model));
  }

  /**
   * Rebuilds the exposure arrays and the warnings after links changed. The cycle search runs again
   * only when an edit can change the cycles: a removed link inside a cycle, or an added link whose
   * source already reaches the party it exposes.
   */
  private relink(edits?: { added: readonly Link[]; removed: readonly Link[] }): void {
    this.graph = buildExposureGraph(this.ids, this.indexOf, this.idx.links.values(), this.model.weights);
    if (!edits || this.cyclesMayChange(edits)) {
      this.cycles = findExposureCycles(this.graph, this.idx.parties, this.idx.links.values());
      this.cycleOf = new Map(this.cycles.flatMap((c, k) => c.map((id) => [id, k] as const)));
    }
    this.danglingWarnings = this.snapshot.links
      .filter((l) => !this.idx.parties.has(l.from) || !this.idx.parties.has(l.to))
      .map((l) => `Link ${l.id} (${l.relation}) points to a party that does not exist; it was left out of the scores.`);
  }

  /**
   * Propagates exposure and builds the result. With `touched` (parties whose own result or links
   * changed), only parties whose exposure, best path or candidate paths can have changed get a new
   * result object; the others keep theirs, so re-scoring after one edit stays proportional to the edit.
   */
  private assemble(touched: ReadonlySet<string> | null = null): void {
    const w = this.model.weights;
    const n = this.ids.length;
    const inh = new Float64Array(n);
    for (let i = 0; i < n; i++) inh[i] = this.inherent.get(this.ids[i]!)!.score;
    const x = propagateExposure(this.graph, inh);
    const keys = predKeys(this.graph, x);
    const rebuild = touched && this.x && this.partyResults.length === n ? this.affected(x, keys, touched) : null;
    const parties: PartyRisk[] = new Array<PartyRisk>(n);
    for (let i = 0; i < n; i++) parties[i] = rebuild && !rebuild[i] ? this.partyResults[i]! : this.partyResult(i, x);
    this.x = x;
    this.predKeys = keys;
    this.partyResults = parties;
    const { topRedFlags, attention, ...project } = aggregateProject(parties, w);
    const warnings = [
      ...this.danglingWarnings,
      ...this.cycles.map((c) => `Cycle of ${c.length} parties (${c.map((id) => this.idx.parties.get(id)?.name ?? id).join(', ')}): exposure is counted once around it, never looped.`),
    ];
    this.result = {
      modelVersion: this.model.version, weightsHash: this.model.weightsHash, asOf: this.idx.asOf,
      project, parties, topRedFlags, attention, cycles: this.cycles, warnings,
    };
  }

  private partyResult(i: number, x: Exposure): PartyRisk {
    const id = this.ids[i]!;
    const party = this.idx.parties.get(id)!;
    const r = this.inherent.get(id)!;
    const e = round1(x.exposure[i]!);
    let level: RiskLevel = levelOf(e, this.model.weights);
    if (levelRank(r.level) > levelRank(level)) level = r.level;
    const pe = x.predEdge[i]!;
    return {
      partyId: id, name: party.name, kind: party.kind,
      inherent: { score: r.score, level: r.level },
      exposure: { score: e, level, via: pe === -1 ? null : this.ids[this.graph.edgeChild[pe]!]! },
      completeness: r.completeness, knownFacts: r.knownFacts, totalFacts: r.totalFacts, factWeight: r.factWeight, insufficient: r.insufficient,
      missingFacts: r.missingFacts, indicators: r.indicators, gaps: r.gaps, ruledOut: r.ruledOut, notes: r.notes,
      paths: topPaths(this.graph, x, i, this.options.maxPaths ?? 3, 1),
    };
  }

  /**
   * Which parties need a new result: the touched ones, those whose exposure or best step changed,
   * every party whose best path runs through one of those (walking the best-path tree upwards),
   * and the parties directly exposed to any of them (their candidate paths changed).
   */
  private affected(x: Exposure, keys: Int32Array, touched: ReadonlySet<string>): Uint8Array {
    const g = this.graph;
    const n = this.ids.length;
    const mark = new Uint8Array(n);
    const queue: number[] = [];
    const add = (i: number) => { if (!mark[i]) { mark[i] = 1; queue.push(i); } };
    for (const id of touched) { const i = this.indexOf.get(id); if (i !== undefined) add(i); }
    for (let i = 0; i < n; i++) if (x.exposure[i] !== this.x!.exposure[i] || keys[i] !== this.predKeys[i]) add(i);
    // Best-path tree, child → the parties whose best step leads to it.
    const start = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) if (x.predEdge[i]! >= 0) start[g.edgeChild[x.predEdge[i]!]! + 1]!++;
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, n);
    const up = new Int32Array(start[n]!);
    for (let i = 0; i < n; i++) if (x.predEdge[i]! >= 0) up[fill[g.edgeChild[x.predEdge[i]!]!]!++] = i;
    const out = new Uint8Array(n);
    while (queue.length) {
      const c = queue.pop()!;
      out[c] = 1;
      for (let k = start[c]!; k < start[c + 1]!; k++) add(up[k]!);
      for (let k = g.childStart[c]!; k < g.childStart[c + 1]!; k++) out[g.edgeParent[g.byChild[k]!]!] = 1;
    }
    return out;
  }

  update(next: ProjectSnapshot): ProjectRiskResult {
    const prev = this.snapshot;
    if (!sameRow(prev.project, next.project) || next.parties.length !== prev.parties.length || next.parties.some((p) => !this.idx.parties.has(p.id))) {
      this.full(next);
      return this.result;
    }
    const idx = this.idx;
    const dirty = new Set<string>();
    const spread = new Set<string>();
    for (const p of next.parties) {
      if (sameRow(idx.parties.get(p.id), p)) continue;
      idx.parties.set(p.id, p);
      dirty.add(p.id);
      spread.add(p.id);
    }
    const { changed, removed } = diffRows(prev.links, next.links);
    const linksChanged = changed.length > 0 || removed.length > 0;
    const linkEdits = { added: changed.map(([, l]) => l), removed: [...removed, ...changed.flatMap(([b]) => (b ? [b] : []))] };
    for (const [before, l] of changed) {
      if (before) this.unlink(before, dirty);
      addLink(idx, l);
      dirty.add(l.from).add(l.to);
    }
    for (const gone of removed) this.unlink(gone, dirty);
    this.diffRecords(prev.questionnaires, next.questionnaires, idx.questionnaires, dirty, null);
    this.diffRecords(prev.overrides, next.overrides, idx.overrides, dirty, null);
    this.diffRecords(prev.hits, next.hits, idx.hits, dirty, spread);
    this.diffEvidence(prev.evidence, next.evidence, dirty);
    for (const id of spread) {
      for (const l of outOf(idx, id)) dirty.add(l.to);
      for (const l of inOf(idx, id)) dirty.add(l.from);
    }
    this.snapshot = next;
    for (const id of dirty) {
      const party = idx.parties.get(id);
      if (party) this.scoreParty(party);
    }
    if (linksChanged) this.relink(linkEdits);
    this.assemble(dirty);
    return this.result;
  }

  private cyclesMayChange(edits: { added: readonly Link[]; removed: readonly Link[] }): boolean {
    const together = (a: string, b: string) => this.cycleOf.has(a) && this.cycleOf.get(a) === this.cycleOf.get(b);
    for (const link of edits.removed) {
      const ends = exposureEnds(link);
      if (ends && together(ends.exposed, ends.source)) return true;
    }
    for (const link of edits.added) {
      const ends = exposureEnds(link);
      if (!ends || together(ends.exposed, ends.source)) continue;
      const from = this.indexOf.get(ends.source);
      const to = this.indexOf.get(ends.exposed);
      if (from !== undefined && to !== undefined && reaches(this.graph, from, to)) return true;
    }
    return false;
  }

  private unlink(link: Link, dirty: Set<string>): void {
    removeLink(this.idx, link);
    dirty.add(link.from).add(link.to);
  }

  private diffRecords<T extends { id: string; partyId: string; updatedAt: string }>(before: readonly T[], after: readonly T[], map: Map<string, T[]>, dirty: Set<string>, spread: Set<string> | null): void {
    if (before === after) return;
    const { changed, removed } = diffRows(before, after);
    for (const [b, r] of changed) {
      replaceRecord(map, b, r);
      for (const id of new Set([r.partyId, b?.partyId ?? r.partyId])) { dirty.add(id); spread?.add(id); }
    }
    for (const gone of removed) {
      replaceRecord(map, gone, undefined);
      dirty.add(gone.partyId);
      spread?.add(gone.partyId);
    }
  }

  private diffEvidence(before: readonly Evidence[], after: readonly Evidence[], dirty: Set<string>): void {
    if (before === after) return;
    const key = (e: Evidence) => `${e.id}|${e.subject.id}`;
    const old = new Set(before.map(key));
    const now = new Set(after.map(key));
    const touch = (e: Evidence, delta: number) => {
      this.idx.evidenced.set(e.subject.id, (this.idx.evidenced.get(e.subject.id) ?? 0) + delta);
      const link = this.idx.links.get(e.subject.id);
      if (link) dirty.add(link.from).add(link.to);
      else dirty.add(e.subject.id);
    };
    for (const e of after) if (!old.has(key(e))) touch(e, 1);
    for (const e of before) if (!now.has(key(e))) touch(e, -1);
  }
}

/** Starts a scoring session over a project; call `update` with each edited snapshot. */
export function createRiskSession(snapshot: ProjectSnapshot, options: ScoreOptions = {}): RiskSession {
  return new Session(snapshot, options);
}

/**
 * Scores a project: every party's inherent score, exposure, completeness, explanations and paths,
 * and the project's rating. Pure: the same snapshot and options give the same result.
 */
export function scoreProject(snapshot: ProjectSnapshot, options: ScoreOptions = {}): ProjectRiskResult {
  return new Session(snapshot, options).result;
}

