/**
 * The scoring session: scores a whole project (derive → inherent → propagate → aggregate) and keeps
 * what it needs to re-score after an edit without starting over. An edit is found by comparing the
 * next snapshot with the previous one (rows compared by reference, then by updatedAt, which the
 * repository stamps on every write); only the edited parties and their direct neighbours are
 * derived again, exposure is re-propagated over compact arrays, and cycles are recomputed only when
 * links changed. Adding or removing a party, or editing the project itself, re-scores in full.
 */
import { buildGraph, findCycles } from '../chain/graph';
import type { Evidence, Link, Party } from '../model/schemas';
import type { ProjectSnapshot } from '../model/snapshot';
import { aggregateProject } from './aggregate';
import { deriveParty } from './derive';
import { round1, scoreInherent } from './inherent';
import type { InherentResult } from './inherent';
import { createRiskModel, EXPOSURE_RELATIONS, levelOf, levelRank } from './model';
import type { RiskModel, RiskWeights, RiskLevel } from './model';
import { buildExposureGraph, exposureEnds, propagateExposure, topPaths } from './propagate';
import type { ExposureGraph } from './propagate';
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

const EXPOSURE_SET = new Set<Link['relation']>(EXPOSURE_RELATIONS);
const sameRow = (a: { updatedAt: string } | undefined, b: { updatedAt: string }) => a === b || (a !== undefined && a.updatedAt === b.updatedAt);

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
  private warnings: string[] = [];

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
    for (const party of snapshot.parties) this.scoreParty(party);
    this.relink();
    this.assemble();
  }

  private scoreParty(party: Party): void {
    this.inherent.set(party.id, scoreInherent(deriveParty(this.idx, party), this.idx.overrides.get(party.id) ?? [], this.model));
  }

  /** Rebuilds the exposure arrays and the cycle report after links changed. */
  private relink(): void {
    this.graph = buildExposureGraph(this.ids, this.indexOf, this.idx.links.values(), this.model.weights);
    const directed: Link[] = [];
    for (const link of this.idx.links.values()) {
      const ends = exposureEnds(link);
      if (ends) directed.push(ends.exposed === link.from ? link : { ...link, from: ends.exposed, to: ends.source });
    }
    this.cycles = findCycles(buildGraph(this.snapshot.parties, directed), EXPOSURE_SET);
    const dangling = this.snapshot.links.filter((l) => !this.idx.parties.has(l.from) || !this.idx.parties.has(l.to));
    this.warnings = [
      ...dangling.map((l) => `Link ${l.id} (${l.relation}) points to a party that does not exist; it was left out of the scores.`),
      ...this.cycles.map((c) => `Cycle of ${c.length} parties (${c.map((id) => this.idx.parties.get(id)?.name ?? id).join(', ')}): exposure is counted once around it, never looped.`),
    ];
  }

  private assemble(): void {
    const w = this.model.weights;
    const inh = new Float64Array(this.ids.length);
    this.ids.forEach((id, i) => { inh[i] = this.inherent.get(id)!.score; });
    const x = propagateExposure(this.graph, inh);
    const k = this.options.maxPaths ?? 3;
    const parties: PartyRisk[] = this.ids.map((id, i) => {
      const party = this.idx.parties.get(id)!;
      const r = this.inherent.get(id)!;
      const e = round1(x.exposure[i]!);
      let level: RiskLevel = levelOf(e, w);
      if (levelRank(r.level) > levelRank(level)) level = r.level;
      const pe = x.predEdge[i]!;
      return {
        partyId: id, name: party.name, kind: party.kind,
        inherent: { score: r.score, level: r.level },
        exposure: { score: e, level, via: pe === -1 ? null : this.ids[this.graph.edgeChild[pe]!]! },
        completeness: r.completeness, knownFacts: r.knownFacts, totalFacts: r.totalFacts, factWeight: r.factWeight, insufficient: r.insufficient,
        missingFacts: r.missingFacts, indicators: r.indicators, gaps: r.gaps, ruledOut: r.ruledOut, notes: r.notes,
        paths: topPaths(this.graph, x, i, k, 1),
      };
    });
    const { topRedFlags, attention, ...project } = aggregateProject(parties, w);
    this.result = {
      modelVersion: this.model.version, weightsHash: this.model.weightsHash, asOf: this.idx.asOf,
      project, parties, topRedFlags, attention, cycles: this.cycles, warnings: this.warnings,
    };
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
    const prevLinks = new Map(prev.links.map((l) => [l.id, l]));
    let linksChanged = false;
    for (const l of next.links) {
      const before = prevLinks.get(l.id);
      prevLinks.delete(l.id);
      if (sameRow(before, l)) continue;
      linksChanged = true;
      if (before) this.unlink(before, dirty);
      addLink(idx, l);
      dirty.add(l.from).add(l.to);
    }
    for (const gone of prevLinks.values()) {
      linksChanged = true;
      this.unlink(gone, dirty);
    }
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
    if (linksChanged) this.relink();
    this.assemble();
    return this.result;
  }

  private unlink(link: Link, dirty: Set<string>): void {
    removeLink(this.idx, link);
    dirty.add(link.from).add(link.to);
  }

  private diffRecords<T extends { id: string; partyId: string; updatedAt: string }>(before: readonly T[], after: readonly T[], map: Map<string, T[]>, dirty: Set<string>, spread: Set<string> | null): void {
    if (before === after) return;
    const old = new Map(before.map((r) => [r.id, r]));
    for (const r of after) {
      const b = old.get(r.id);
      old.delete(r.id);
      if (sameRow(b, r)) continue;
      replaceRecord(map, b, r);
      for (const id of new Set([r.partyId, b?.partyId ?? r.partyId])) { dirty.add(id); spread?.add(id); }
    }
    for (const gone of old.values()) {
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

