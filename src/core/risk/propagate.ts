/**
 * Chain propagation: a party's exposure is the worst risk it can reach through the work below it
 * (subcontracts, supplies_labor, employs, recruits) and through where its money goes (pays,
 * banks_with), attenuated by a factor per relation at every step:
 *
 *   exposure(P) = max( inherent(P), max over edges P→C of attenuation(relation) × exposure(C) )
 *
 * Max, not sum: fifty clean subcontractors do not add up to a red flag, and one critical crew is
 * not diluted by them. With every factor ≤ 1 this is a best-path problem, solved like Dijkstra from
 * all parties at once (highest exposure first), so each party is settled once and cycles can never
 * loop. Direction: tier links follow the chain's orientation (`stepOf`: a labour supplier sits below
 * the contractor it supplies); for pays and banks_with the payer or account holder is exposed.
 */
import { stepOf } from '../chain/graph';
import { RELATIONS, TIER_RELATIONS } from '../model/enums';
import type { Relation } from '../model/enums';
import type { Link } from '../model/schemas';
import type { RiskWeights } from './model';
import { MaxHeap } from './max-heap';
import type { LinkEntry } from './risk-index';
import type { ExposurePath } from './types';

export interface ExposureGraph {
  readonly ids: readonly string[];
  readonly edgeParent: Int32Array;
  readonly edgeChild: Int32Array;
  readonly edgeAlpha: Float64Array;
  readonly edgeRelation: readonly Relation[];
  /** The link behind each edge. */
  readonly edgeLink: readonly Link[];
  /** True when ids are distinct and free of U+0000, so index order is tie order (see tieBefore). */
  readonly plainIds: boolean;
  /** CSR: edges whose source is child c are byChild[childStart[c] .. childStart[c+1]). */
  readonly childStart: Int32Array;
  readonly byChild: Int32Array;
  readonly parentStart: Int32Array;
  readonly byParent: Int32Array;
}

/** The exposed party and the source of exposure of a link, or null when the link carries none. */
export function exposureEnds(link: Link): { exposed: string; source: string } | null {
  if (TIER_RELATIONS.has(link.relation)) {
    const step = stepOf(link);
    return { exposed: step.parent, source: step.child };
  }
  return link.relation === 'pays' || link.relation === 'banks_with' ? { exposed: link.from, source: link.to } : null;
}

const CARRIES_EXPOSURE: ReadonlySet<Relation> = new Set(['subcontracts', 'supplies_labor', 'employs', 'recruits', 'pays', 'banks_with']);

/** True when, following exposure edges down from `from`, the walk reaches `to` (used to see whether a new link closes a cycle). */
export function reaches(g: ExposureGraph, from: number, to: number): boolean {
  const seen = new Uint8Array(g.ids.length);
  const stack = [from];
  seen[from] = 1;
  while (stack.length) {
    const i = stack.pop()!;
    if (i === to) return true;
    for (let k = g.parentStart[i]!; k < g.parentStart[i + 1]!; k++) {
      const c = g.edgeChild[g.byParent[k]!]!;
      if (!seen[c]) { seen[c] = 1; stack.push(c); }
    }
  }
  return false;
}

function csr(n: number, keys: Int32Array): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < keys.length; e++) start[keys[e]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const order = new Int32Array(keys.length);
  for (let e = 0; e < keys.length; e++) order[fill[keys[e]!]!++] = e;
  return { start, order };
}

/**
 * Indexes the links that carry exposure between the given parties (ids sorted, each link entry's
 * ends carrying their index into `ids`).
 */
export function buildExposureGraph(ids: readonly string[], links: ReadonlyMap<string, LinkEntry>, weights: RiskWeights): ExposureGraph {
  // Sized for every link up front (most carry exposure) and trimmed once, rather than grown edge by edge.
  const parent = new Int32Array(links.size);
  const child = new Int32Array(links.size);
  const alpha = new Float64Array(links.size);
  const relation = new Array<Relation>(links.size);
  const edgeLink = new Array<Link>(links.size);
  let m = 0;
  for (const { link, relation: rel, from, to } of links.values()) {
    if (!CARRIES_EXPOSURE.has(rel)) continue;
    // Same orientation as exposureEnds, without allocating per link.
    const up = rel === 'supplies_labor';
    parent[m] = up ? to.index : from.index;
    child[m] = up ? from.index : to.index;
    alpha[m] = weights.attenuation[rel as keyof RiskWeights['attenuation']];
    relation[m] = rel;
    edgeLink[m] = link;
    m++;
  }
  relation.length = m;
  edgeLink.length = m;
  const edgeParent = parent.subarray(0, m);
  const edgeChild = child.subarray(0, m);
  const byC = csr(ids.length, edgeChild);
  const byP = csr(ids.length, edgeParent);
  let plainIds = true;
  for (let i = 0; i < ids.length && plainIds; i++) plainIds = !ids[i]!.includes('\u0000') && (i === 0 || ids[i] !== ids[i - 1]);
  return { ids, edgeParent, edgeChild, edgeAlpha: alpha.subarray(0, m), edgeRelation: relation, edgeLink, plainIds, childStart: byC.start, byChild: byC.order, parentStart: byP.start, byParent: byP.order };
}

export interface Exposure {
  readonly exposure: Float64Array;
  /** The edge that brings each party its exposure, or -1 when its own inherent score is the maximum. */
  readonly predEdge: Int32Array;
}

const EPS = 1e-9;
/** Relations ranked by name, the order in which their names compare. */
const RELATION_NAME_RANK = new Map([...RELATIONS].sort().map((r, i) => [r, i]));
const tieKey = (g: ExposureGraph, e: number) => `${g.ids[g.edgeChild[e]!]!}\u0000${g.edgeRelation[e]!}`;

/**
 * Whether edge a breaks a tie before edge b: the smaller source id, then relation name, i.e. the
 * smaller `${id}\u0000${relation}` key. Ids are sorted, so when they are distinct and free of
 * U+0000 comparing indexes gives the same answer as comparing the keys, without building strings.
 */
function tieBefore(g: ExposureGraph, a: number, b: number): boolean {
  const ca = g.edgeChild[a]!;
  const cb = g.edgeChild[b]!;
  if (ca === cb) return RELATION_NAME_RANK.get(g.edgeRelation[a]!)! < RELATION_NAME_RANK.get(g.edgeRelation[b]!)!;
  return g.plainIds ? ca < cb : tieKey(g, a) < tieKey(g, b);
}

/** Computes every party's exposure from the inherent scores (one per index). */
export function propagateExposure(g: ExposureGraph, inherent: Float64Array): Exposure {
  const n = g.ids.length;
  const exposure = Float64Array.from(inherent);
  const predEdge = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  // Max-heap of (value, node) with lazy deletion of stale entries: a node is pushed once, and again
  // each time an edge raises it, so n + edges pushes at most.
  const heap = new MaxHeap(n + g.edgeParent.length);
  for (let i = 0; i < n; i++) if (exposure[i]! > 0) heap.push(exposure[i]!, i);
  while (heap.size > 0) {
    const c = heap.pop();
    if (done[c]) continue;
    done[c] = 1;
    const ec = exposure[c]!;
    for (let k = g.childStart[c]!; k < g.childStart[c + 1]!; k++) {
      const e = g.byChild[k]!;
      const p = g.edgeParent[e]!;
      if (done[p]) continue;
      const cand = g.edgeAlpha[e]! * ec;
      const cur = exposure[p]!;
      if (cand > cur + EPS) {
        exposure[p] = cand;
        predEdge[p] = e;
        heap.push(cand, p);
      } else if (cand > cur - EPS && predEdge[p] !== -1 && tieBefore(g, e, predEdge[p]!)) {
        predEdge[p] = e; // equal value: prefer the smaller source id, then relation, whatever the input order
      }
    }
  }
  return { exposure, predEdge };
}

const STEP_CODE: Readonly<Record<string, number>> = Object.fromEntries(RELATIONS.map((r, i) => [r, i]));

/** Each party's best step as a number (source index × 8 + relation), comparable across graph rebuilds. */
export function bestStepKeys(g: ExposureGraph, x: Exposure): Int32Array {
  const keys = new Int32Array(g.ids.length);
  for (let i = 0; i < keys.length; i++) {
    const e = x.predEdge[i]!;
    keys[i] = e < 0 ? -1 : g.edgeChild[e]! * 8 + STEP_CODE[g.edgeRelation[e]!]!;
  }
  return keys;
}

const MAX_PATH = 64;
/** Shared by the many parties that nothing exposes (results are read-only). */
const NO_PATHS: readonly ExposurePath[] = Object.freeze([]);

/** The relations of the path being built (scratch, reused across calls). */
const stepRelations: Relation[] = [];
const RELATION_CODE = new Map(RELATIONS.map((r, i) => [r, i + 1]));
/** Relation lists of short paths, by their relations in base 8: a few dozen lists serve thousands of paths. */
const relationLists = new Map<number, readonly Relation[]>();

/** The first `count` relations of `stepRelations` as a list, shared with every path of the same relations when short. */
function relationList(count: number): readonly Relation[] {
  if (count > 8) return stepRelations.slice(0, count);
  let key = 0;
  for (let k = 0; k < count; k++) key = key * 8 + RELATION_CODE.get(stepRelations[k]!)!;
  let list = relationLists.get(key);
  if (!list) {
    if (relationLists.size >= 10_000) relationLists.clear();
    relationLists.set(key, (list = Object.freeze(stepRelations.slice(0, count))));
  }
  return list;
}

/** The paths found so far and their first steps (scratch, reused across calls). */
const found: ExposurePath[] = [];
const firsts: number[] = [];

/** Candidate first steps of the party whose paths are being listed, reused across calls (scoring is synchronous). */
let candidates = new Int32Array(64);

const stepValue = (g: ExposureGraph, x: Exposure, e: number) => g.edgeAlpha[e]! * x.exposure[g.edgeChild[e]!]!;

/** Whether candidate edge a comes before b: higher value first, ties as in propagation. */
function stepBefore(g: ExposureGraph, x: Exposure, a: number, b: number): boolean {
  const va = stepValue(g, x, a);
  const vb = stepValue(g, x, b);
  return va > vb || (va === vb && tieBefore(g, a, b));
}

/**
 * The top `k` paths that expose party `i` (best first), each following the best path of the next
 * party down. Paths that would pass through `i` again (cycles) are left out, as are paths under `min` points.
 */
export function topPaths(g: ExposureGraph, x: Exposure, i: number, k: number, min: number): readonly ExposurePath[] {
  const degree = g.parentStart[i + 1]! - g.parentStart[i]!;
  if (degree > candidates.length) candidates = new Int32Array(degree * 2);
  let count = 0;
  if (degree <= 32) {
    // Insertion into a sorted buffer: stable (equal steps keep edge order) and allocation-free.
    for (let j = g.parentStart[i]!; j < g.parentStart[i + 1]!; j++) {
      const e = g.byParent[j]!;
      if (stepValue(g, x, e) < min) continue;
      let at = count++;
      while (at > 0 && stepBefore(g, x, e, candidates[at - 1]!)) {
        candidates[at] = candidates[at - 1]!;
        at--;
      }
      candidates[at] = e;
    }
  } else {
    // A party with many direct sources (a client paying thousands of crews): a stable sort, not quadratic insertion.
    const list: number[] = [];
    for (let j = g.parentStart[i]!; j < g.parentStart[i + 1]!; j++) if (stepValue(g, x, g.byParent[j]!) >= min) list.push(g.byParent[j]!);
    list.sort((a, b) => (stepBefore(g, x, a, b) ? -1 : stepBefore(g, x, b, a) ? 1 : 0));
    candidates.set(list);
    count = list.length;
  }
  if (count === 0) return NO_PATHS;
  found.length = 0;
  firsts.length = 0;
  for (let c = 0; c < count && found.length < k; c++) {
    const e = candidates[c]!;
    const first = g.edgeChild[e]!;
    if (firsts.includes(first)) continue;
    // Walk the best path down once to learn its length (or that it loops back to i), then fill exact-size arrays.
    let length = 2;
    let node = first;
    let loops = false;
    while (x.predEdge[node] !== -1 && length < MAX_PATH) {
      node = g.edgeChild[x.predEdge[node]!]!;
      if (node === i) { loops = true; break; }
      length++;
    }
    if (loops) continue;
    const ids = new Array<string>(length);
    ids[0] = g.ids[i]!;
    ids[1] = g.ids[first]!;
    stepRelations[0] = g.edgeRelation[e]!;
    node = first;
    for (let n = 2; n < length; n++) {
      const pe = x.predEdge[node]!;
      node = g.edgeChild[pe]!;
      ids[n] = g.ids[node]!;
      stepRelations[n - 1] = g.edgeRelation[pe]!;
    }
    firsts.push(first);
    found.push({ ids, relations: relationList(length - 1), score: Math.round(stepValue(g, x, e) * 10) / 10 });
  }
  // An exact-size copy of the scratch list (thousands of parties keep their paths), which is then emptied.
  const paths = found.length ? found.slice() : NO_PATHS;
  found.length = 0;
  return paths;
}
