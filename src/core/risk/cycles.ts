/**
 * Cycle report for the exposure graph. Parties that no cycle can pass through (nothing exposes
 * them, or they expose nothing) are peeled off first over compact arrays; the chain graph's Tarjan
 * (`findCycles`) then runs only on what is left, which in a real chain is a handful of parties.
 */
import { buildGraph, findCycles } from '../chain/graph';
import type { Link, Party } from '../model/schemas';
import { EXPOSURE_RELATIONS } from './model';
import type { ExposureGraph } from './propagate';
import type { PartyEntry } from './risk-index';

const EXPOSURE_SET = new Set<Link['relation']>(EXPOSURE_RELATIONS);

/** Groups of party ids forming cycles along exposure relations (each sorted, groups sorted). */
export function findExposureCycles(g: ExposureGraph, parties: ReadonlyMap<string, PartyEntry>): string[][] {
  const n = g.ids.length;
  const indeg = new Int32Array(n);
  const outdeg = new Int32Array(n);
  for (let e = 0; e < g.edgeParent.length; e++) {
    if (g.edgeParent[e] === g.edgeChild[e]) continue;
    outdeg[g.edgeParent[e]!]!++;
    indeg[g.edgeChild[e]!]!++;
  }
  const gone = new Uint8Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0 || outdeg[i] === 0) queue.push(i);
  while (queue.length) {
    const i = queue.pop()!;
    if (gone[i]) continue;
    gone[i] = 1;
    // Removing i lowers the out-degree of those exposed to it and the in-degree of its sources.
    for (let k = g.childStart[i]!; k < g.childStart[i + 1]!; k++) {
      const p = g.edgeParent[g.byChild[k]!]!;
      if (!gone[p] && --outdeg[p]! === 0) queue.push(p);
    }
    for (let k = g.parentStart[i]!; k < g.parentStart[i + 1]!; k++) {
      const c = g.edgeChild[g.byParent[k]!]!;
      if (!gone[c] && --indeg[c]! === 0) queue.push(c);
    }
  }
  const core: Party[] = [];
  for (let i = 0; i < n; i++) if (!gone[i]) core.push(parties.get(g.ids[i]!)!.party);
  if (core.length === 0) return [];
  // The core's edges, each as a link pointing from the exposed party to its source.
  const directed: Link[] = [];
  for (let e = 0; e < g.edgeParent.length; e++) {
    const p = g.edgeParent[e]!;
    const c = g.edgeChild[e]!;
    if (gone[p] || gone[c]) continue;
    const link = g.edgeLink[e]!;
    directed.push(g.ids[p] === link.from ? link : { ...link, from: g.ids[p]!, to: g.ids[c]! });
  }
  return findCycles(buildGraph(core, directed), EXPOSURE_SET);
}
