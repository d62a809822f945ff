/**
 * The scoring session: scores a whole project (derive → inherent → propagate → aggregate) and keeps
 * what it needs to re-score after an edit without starting over. An edit is found by comparing the
 * next snapshot with the previous one (session-diff.ts); only the edited parties and their direct
 * neighbours are derived again, exposure is re-propagated over compact arrays, cycles are recomputed
 * only when links changed in a way that can change them, only parties whose exposure or paths can
 * have changed get a new result object, and the project summary is re-tallied from flat arrays.
 * Adding or removing a party, or editing the project itself, re-scores in full.
 */
import { findExposureCycles } from './cycles';
import type { Link } from '../model/schemas';
import type { ProjectSnapshot } from '../model/snapshot';
import { aggregateProject, createTally, tallyParty } from './aggregate';
import type { ProjectTally } from './aggregate';
import { deriveParty } from './derive';
import { round1, scoreInherent } from './inherent';
import type { PartyDraft } from './inherent';
import { createRiskModel, levelOf, levelRank } from './model';
import type { RiskModel, RiskWeights, RiskLevel } from './model';
import { bestStepKeys, buildExposureGraph, exposureEnds, propagateExposure, reaches, topPaths } from './propagate';
import type { Exposure, ExposureGraph } from './propagate';
import { addLink, buildRiskIndex, removeLink } from './risk-index';
import type { PartyEntry, RiskIndex } from './risk-index';
import { diffEvidence, diffRecords, diffRows, sameRow } from './session-diff';
import { ownExposure } from './shared-values';
import type { LinkEdits } from './session-diff';
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

class Session implements RiskSession {
  readonly model: RiskModel;
  result!: ProjectRiskResult;
  private idx!: RiskIndex;
  private snapshot!: ProjectSnapshot;
  /** Party ids sorted; every per-party array below is indexed like this list. */
  private ids: string[] = [];
  private entries: PartyEntry[] = [];
  /** Parties scored since the last result, waiting for their exposure and paths. */
  private drafts: (PartyDraft | undefined)[] = [];
  private inherentScore = new Float64Array(0);
  private graph!: ExposureGraph;
  private cycles: string[][] = [];
  private cycleOf = new Map<string, number>();
  private x: Exposure | null = null;
  private predKeys: Int32Array = new Int32Array(0);
  private partyResults: PartyRisk[] = [];
  private tally!: ProjectTally;
  private danglingWarnings: string[] = [];

  constructor(snapshot: ProjectSnapshot, private readonly options: ScoreOptions) {
    this.model = options.model ?? createRiskModel(options.weights);
    this.full(snapshot);
  }

  private full(snapshot: ProjectSnapshot): void {
    this.snapshot = snapshot;
    this.idx = buildRiskIndex(snapshot, this.options.asOf ?? '');
    this.ids = snapshot.parties.map((p) => p.id).sort();
    const n = this.ids.length;
    this.entries = this.ids.map((id, i) => {
      const entry = this.idx.parties.get(id)!;
      entry.index = i;
      return entry;
    });
    this.drafts = new Array<PartyDraft | undefined>(n);
    this.inherentScore = new Float64Array(n);
    this.scoreAll();
    this.x = null;
    this.partyResults = [];
    this.relink();
    this.assemble();
  }

  /** Scores every party (a method of its own for the reason given at buildParties). */
  private scoreAll(): void {
    for (let i = 0; i < this.ids.length; i++) this.scoreParty(i);
  }

  private scoreParty(i: number): void {
    const entry = this.entries[i]!;
    const draft = scoreInherent(deriveParty(this.idx, entry), entry.overrides, this.model, entry.party);
    this.drafts[i] = draft;
    this.inherentScore[i] = draft.inherent.score;
  }

  /**
   * Rebuilds the exposure arrays and the warnings after links changed. The cycle search runs again
   * only when an edit can change the cycles: a removed link inside a cycle, or an added link whose
   * source already reaches the party it exposes.
   */
  private relink(edits?: LinkEdits): void {
    this.graph = buildExposureGraph(this.ids, this.idx.links, this.model.weights);
    if (!edits || this.cyclesMayChange(edits)) {
      this.cycles = findExposureCycles(this.graph, this.idx.parties);
      this.cycleOf = new Map(this.cycles.flatMap((c, k) => c.map((id) => [id, k] as const)));
    }
    // Every link between existing parties is in the index under its id: when the index holds as many
    // links as the snapshot, none can be dangling (or duplicated), and the per-link check is skipped.
    this.danglingWarnings = this.idx.links.size === this.snapshot.links.length ? [] : this.snapshot.links
      .filter((l) => !this.idx.parties.has(l.from) || !this.idx.parties.has(l.to))
      .map((l) => `Link ${l.id} (${l.relation}) points to a party that does not exist; it was left out of the scores.`);
  }

  /**
   * Propagates exposure and builds the result. With `touched` (parties whose own result or links
   * changed), only parties whose exposure, best path or candidate paths can have changed get a new
   * result object (and a new tally); the others keep theirs, so re-scoring after one edit stays
   * proportional to the edit.
   */
  private assemble(touched: ReadonlySet<string> | null = null): void {
    const n = this.ids.length;
    const x = propagateExposure(this.graph, this.inherentScore);
    const keys = bestStepKeys(this.graph, x);
    const rebuild = touched && this.x && this.partyResults.length === n ? this.affected(x, keys, touched) : null;
    if (!rebuild) this.tally = createTally(n);
    const parties = this.buildParties(x, rebuild);
    this.x = x;
    this.predKeys = keys;
    this.partyResults = parties;
    const { topRedFlags, attention, ...project } = aggregateProject(this.tally, this.ids, this.model.weights);
    const warnings = [
      ...this.danglingWarnings,
      ...this.cycles.map((c) => `Cycle of ${c.length} parties (${c.map((id) => this.idx.parties.get(id)?.party.name ?? id).join(', ')}): exposure is counted once around it, never looped.`),
    ];
    this.result = {
      modelVersion: this.model.version, weightsHash: this.model.weightsHash, asOf: this.idx.asOf,
      project, parties, topRedFlags, attention, cycles: this.cycles, warnings,
    };
  }

  /**
   * The parties' results under exposure x: new for those marked in `rebuild` (all when null) and
   * those just scored, the previous ones otherwise. Its own method, like the scoring loop: V8 compiles
   * a long loop while it runs, and code after the loop in the same function, not yet run when it
   * was compiled, was thrown away and recompiled on every scoring.
   */
  private buildParties(x: Exposure, rebuild: Uint8Array | null): PartyRisk[] {
    const n = this.ids.length;
    const parties: PartyRisk[] = new Array<PartyRisk>(n);
    for (let i = 0; i < n; i++) {
      if (rebuild && !rebuild[i] && !this.drafts[i]) {
        parties[i] = this.partyResults[i]!;
        continue;
      }
      parties[i] = this.partyResult(i, x);
      tallyParty(this.tally, i, parties[i]!, rebuild ? this.partyResults[i] : undefined);
    }
    return parties;
  }

  /** Party i's result under exposure x: its draft completed, or a copy of its last result with the new exposure and paths. */
  private partyResult(i: number, x: Exposure): PartyRisk {
    const draft = this.drafts[i];
    const source = draft ?? this.partyResults[i]!;
    const e = round1(x.exposure[i]!);
    let level: RiskLevel = levelOf(e, this.model.weights);
    if (levelRank(source.inherent.level) > levelRank(level)) level = source.inherent.level;
    const pe = x.predEdge[i]!;
    const exposure = pe === -1 ? ownExposure(e, level) : { score: e, level, via: this.ids[this.graph.edgeChild[pe]!]! };
    const paths = topPaths(this.graph, x, i, this.options.maxPaths ?? 3, 1);
    if (!draft) return { ...source, exposure, paths };
    // Not yet part of any result, so it can still be completed in place.
    draft.exposure = exposure;
    draft.paths = paths;
    this.drafts[i] = undefined;
    return draft;
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
    for (const id of touched) { const entry = this.idx.parties.get(id); if (entry) add(entry.index); }
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
    const partyEdits = sameRow(prev.project, next.project) && next.parties.length === prev.parties.length ? diffRows(prev.parties, next.parties) : null;
    if (!partyEdits || partyEdits.removed.length > 0 || partyEdits.changed.some(([before]) => !before)) {
      this.full(next);
      return this.result;
    }
    const idx = this.idx;
    const dirty = new Set<string>();
    const spread = new Set<string>();
    for (const [, p] of partyEdits.changed) {
      idx.parties.get(p.id)!.party = p;
      dirty.add(p.id);
      spread.add(p.id);
    }
    const { changed, removed } = diffRows(prev.links, next.links);
    const linksChanged = changed.length > 0 || removed.length > 0;
    const linkEdits: LinkEdits = { added: changed.map(([, l]) => l), removed: [...removed, ...changed.flatMap(([b]) => (b ? [b] : []))] };
    for (const [before, l] of changed) {
      if (before) this.unlink(before, dirty);
      addLink(idx, l);
      dirty.add(l.from).add(l.to);
    }
    for (const gone of removed) this.unlink(gone, dirty);
    diffRecords(idx, 'questionnaires', prev.questionnaires, next.questionnaires, dirty, null);
    diffRecords(idx, 'overrides', prev.overrides, next.overrides, dirty, null);
    diffRecords(idx, 'hits', prev.hits, next.hits, dirty, spread);
    diffEvidence(idx, prev.evidence, next.evidence, dirty);
    for (const id of spread) {
      const entry = idx.parties.get(id);
      if (!entry) continue;
      for (const l of entry.out) dirty.add(l.link.to);
      for (const l of entry.in) dirty.add(l.link.from);
    }
    this.snapshot = next;
    for (const id of dirty) {
      const entry = idx.parties.get(id);
      if (entry) this.scoreParty(entry.index);
    }
    if (linksChanged) this.relink(linkEdits);
    this.assemble(dirty);
    return this.result;
  }

  private cyclesMayChange(edits: LinkEdits): boolean {
    const together = (a: string, b: string) => this.cycleOf.has(a) && this.cycleOf.get(a) === this.cycleOf.get(b);
    for (const link of edits.removed) {
      const ends = exposureEnds(link);
      if (ends && together(ends.exposed, ends.source)) return true;
    }
    for (const link of edits.added) {
      const ends = exposureEnds(link);
      if (!ends || together(ends.exposed, ends.source)) continue;
      const from = this.idx.parties.get(ends.source)?.index;
      const to = this.idx.parties.get(ends.exposed)?.index;
      if (from !== undefined && to !== undefined && reaches(this.graph, from, to)) return true;
    }
    return false;
  }

  private unlink(link: Link, dirty: Set<string>): void {
    removeLink(this.idx, link);
    dirty.add(link.from).add(link.to);
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

