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
import { TIER_RELATIONS } from '../model/enums';
import type { Relation } from '../model/enums';
import type { Link } from '../model/schemas';
import type { RiskWeights } from './model';
import type { ExposurePath } from './types';

export interface ExposureGraph {
  readonly ids: readonly string[];
  readonly edgeParent: Int32Array;
  readonly edgeChild: Int32Array;
  readonly edgeAlpha: Float64Array;
  readonly edgeRelation: readonly Relation[];
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
  for (const k of keys) start[k + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const order = new Int32Array(keys.length);
  for (let e = 0; e < keys.length; e++) order[fill[keys[e]!]!++] = e;
  return { start, order };
}

/** Indexes the links that carry exposure between the given parties (ids in index order). */
export function buildExposureGraph(ids: readonly string[], indexOf: ReadonlyMap<string, number>, links: Iterable<Link>, weights: RiskWeights): ExposureGraph {
  const parent: number[] = [];
  const child: number[] = [];
  const alpha: number[] = [];
  const relation: Relation[] = [];
  for (const link of links) {
    if (!CARRIES_EXPOSURE.has(link.relation)) continue;
    // Same orientation as exposureEnds, without allocating per link.
    const up = link.relation === 'supplies_labor';
    const p = indexOf.get(up ? link.to : link.from);
    const c = indexOf.get(up ? link.from : link.to);
    if (p === undefined || c === undefined) continue;
    parent.push(p);
    child.push(c);
    alpha.push(weights.attenuation[link.relation as keyof RiskWeights['attenuation']]);
    relation.push(link.relation);
  }
  const edgeParent = Int32Array.from(parent);
  const edgeChild = Int32Array.from(child);
  const byC = csr(ids.length, edgeChild);
  const byP = csr(ids.length, edgeParent);
  return { ids, edgeParent, edgeChild, edgeAlpha: Float64Array.from(alpha), edgeRelation: relation, childStart: byC.start, byChild: byC.order, parentStart: byP.start, byParent: byP.order };
}

export interface Exposure {
  readonly exposure: Float64Array;
  /** The edge that brings each party its exposure, or -1 when its own inherent score is the maximum. */
  readonly predEdge: Int32Array;
}

const EPS = 1e-9;
const tieKey = (g: ExposureGraph, e: number) => `${g.ids[g.edgeChild[e]!]!}\u0000${g.edgeRelation[e]!}`;

/** Computes every party's exposure from the inherent scores (one per index). */
export function propagateExposure(g: ExposureGraph, inherent: Float64Array): Exposure {
  const n = g.ids.length;
  const exposure = Float64Array.from(inherent);
  const predEdge = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  // Binary max-heap of (value, node) with lazy deletion of stale entries.
  let size = 0;
  let hv = new Float64Array(Math.max(16, n));
  let hn = new Int32Array(Math.max(16, n));
  const push = (v: number, node: number) => {
    if (size === hv.length) {
      const nv = new Float64Array(size * 2); nv.set(hv); hv = nv;
      const nn = new Int32Array(size * 2); nn.set(hn); hn = nn;
    }
    let i = size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (hv[up]! >= v) break;
      hv[i] = hv[up]!; hn[i] = hn[up]!; i = up;
    }
    hv[i] = v; hn[i] = node;
  };
  const pop = () => {
    const top = hn[0]!;
    const v = hv[--size]!; const node = hn[size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && hv[c + 1]! > hv[c]!) c++;
      if (hv[c]! <= v) break;
      hv[i] = hv[c]!; hn[i] = hn[c]!; i = c;
    }
    hv[i] = v; hn[i] = node;
    return top;
  };
  for (let i = 0; i < n; i++) if (exposure[i]! > 0) push(exposure[i]!, i);
  while (size > 0) {
    const c = pop();
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
        push(cand, p);
      } else if (cand > cur - EPS && predEdge[p] !== -1 && tieKey(g, e) < tieKey(g, predEdge[p]!)) {
        predEdge[p] = e; // equal value: prefer the smaller source id, then relation, whatever the input order
      }
    }
  }
  return { exposure, predEdge };
}

const MAX_PATH = 64;

/**
 * The top `k` paths that expose party `i` (best first), each following the best path of the next
 * party down. Paths that would pass through `i` again (cycles) are left out, as are paths under `min` points.
 */
export function topPaths(g: ExposureGraph, x: Exposure, i: number, k: number, min: number): ExposurePath[] {
  const candidates: { e: number; value: number }[] = [];
  for (let j = g.parentStart[i]!; j < g.parentStart[i + 1]!; j++) {
    const e = g.byParent[j]!;
    const value = g.edgeAlpha[e]! * x.exposure[g.edgeChild[e]!]!;
    if (value >= min) candidates.push({ e, value });
  }
  candidates.sort((a, b) => b.value - a.value || (tieKey(g, a.e) < tieKey(g, b.e) ? -1 : tieKey(g, a.e) > tieKey(g, b.e) ? 1 : 0));
  const paths: ExposurePath[] = [];
  const seenFirst = new Set<number>();
  for (const { e, value } of candidates) {
    if (paths.length >= k) break;
    const first = g.edgeChild[e]!;
    if (seenFirst.has(first)) continue;
    const ids = [g.ids[i]!, g.ids[first]!];
    const relations: Relation[] = [g.edgeRelation[e]!];
    let node = first;
    let loops = false;
    while (x.predEdge[node] !== -1 && ids.length < MAX_PATH) {
      const pe = x.predEdge[node]!;
      node = g.edgeChild[pe]!;
      if (node === i) { loops = true; break; }
      ids.push(g.ids[node]!);
      relations.push(g.edgeRelation[pe]!);
    }
    if (loops) continue;
    seenFirst.add(first);
    paths.push({ ids, relations, score: Math.round(value * 10) / 10 });
  }
  return paths;
}
