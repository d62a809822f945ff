/**
 * Facts about a party's place in the chain that findings and attestation checks need: the crews
 * working at or below it, the chains of contractors above it, its payees. Walks are breadth-first
 * over visited sets, so subcontracting loops are never followed twice.
 */
import { downSteps, outLinks, upSteps } from '../chain/graph';
import type { ChainGraph } from '../chain/graph';
import type { Party } from '../model';

/** Parties reachable from `id` down the contract tiers, including the party itself. */
export function partiesBelow(graph: ChainGraph, id: string): Party[] {
  const seen = new Set<string>([id]);
  const queue = [id];
  for (let i = 0; i < queue.length; i++) {
    for (const step of downSteps(graph, queue[i]!)) {
      if (!seen.has(step.child)) {
        seen.add(step.child);
        queue.push(step.child);
      }
    }
  }
  return queue.map((p) => graph.parties.get(p)!).filter(Boolean);
}

/** Workforce parties at or below `id`. */
export function workforcesBelow(graph: ChainGraph, id: string): Party[] {
  return partiesBelow(graph, id).filter((p) => p.kind === 'workforce' && p.workforce);
}

/**
 * The shortest chain of contractors from a root (the client, or a party nothing is awarded to) down
 * to `id`, as party ids, root first. Returns [id] for a root or an unconnected party.
 */
export function chainFromRoot(graph: ChainGraph, id: string): string[] {
  const parent = new Map<string, string>();
  const seen = new Set<string>([id]);
  const queue = [id];
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i]!;
    const ups = upSteps(graph, current);
    const isRoot = graph.parties.get(current)?.isClient || ups.length === 0;
    if (isRoot && current !== id) {
      const path = [current];
      let cursor = current;
      while (parent.has(cursor)) {
        cursor = parent.get(cursor)!;
        path.push(cursor);
      }
      return path;
    }
    for (const step of ups) {
      if (!seen.has(step.parent)) {
        seen.add(step.parent);
        parent.set(step.parent, current);
        queue.push(step.parent);
      }
    }
  }
  return [id];
}

/** Parties that `id` pays, directly. */
export function payees(graph: ChainGraph, id: string): Party[] {
  return outLinks(graph, id).filter((l) => l.relation === 'pays').map((l) => graph.parties.get(l.to)!).filter(Boolean);
}

/** Direct subcontractors and labour suppliers of `id` (what an attestation's subcontractor list should name). */
export function directSubcontractors(graph: ChainGraph, id: string): Party[] {
  return downSteps(graph, id).map((s) => graph.parties.get(s.child)!).filter(Boolean);
}
