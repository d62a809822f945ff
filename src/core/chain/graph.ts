/**
 * The project graph: parties as nodes, links as directed edges, indexed for the traversals every
 * capability needs (tiers, contract and payment paths, exposure propagation). Strongly connected
 * components are computed once so cycles are reported and never walked forever.
 */
import { TIER_RELATIONS } from '../model/enums';
import type { Relation } from '../model/enums';
import type { Link, Party } from '../model/schemas';

export interface ChainGraph {
  readonly parties: ReadonlyMap<string, Party>;
  /** Outgoing links by party id, in link id order. */
  readonly out: ReadonlyMap<string, readonly Link[]>;
  /** Incoming links by party id, in link id order. */
  readonly in: ReadonlyMap<string, readonly Link[]>;
  /** Links whose endpoints are not both parties of the graph (dangling), for warnings. */
  readonly dangling: readonly Link[];
}

/** Builds the graph. Input order does not matter: adjacency lists are sorted by link id. */
export function buildGraph(parties: readonly Party[], links: readonly Link[]): ChainGraph {
  const byId = new Map(parties.map((p) => [p.id, p] as const));
  const out = new Map<string, Link[]>(parties.map((p) => [p.id, []]));
  const inc = new Map<string, Link[]>(parties.map((p) => [p.id, []]));
  const dangling: Link[] = [];
  const sorted = [...links].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const link of sorted) {
    if (!byId.has(link.from) || !byId.has(link.to)) {
      dangling.push(link);
      continue;
    }
    out.get(link.from)!.push(link);
    inc.get(link.to)!.push(link);
  }
  return { parties: byId, out, in: inc, dangling };
}

/** Outgoing links of a party restricted to the given relations. */
export function outLinks(graph: ChainGraph, id: string, relations?: ReadonlySet<Relation>): readonly Link[] {
  const links = graph.out.get(id) ?? [];
  return relations ? links.filter((l) => relations.has(l.relation)) : links;
}

/** Incoming links of a party restricted to the given relations. */
export function inLinks(graph: ChainGraph, id: string, relations?: ReadonlySet<Relation>): readonly Link[] {
  const links = graph.in.get(id) ?? [];
  return relations ? links.filter((l) => relations.has(l.relation)) : links;
}

/** One step down the chain: the link, the party above (`parent`) and the party below (`child`). */
export interface ChainStep {
  readonly link: Link;
  readonly parent: string;
  readonly child: string;
}

/**
 * Which end of a tier link sits lower in the chain. Links point from the party that awards,
 * supplies, employs or recruits, so for `supplies_labor` the supplier (`from`) sits BELOW the
 * contractor it supplies (`to`); for subcontracts, employs and recruits, `to` is below `from`.
 */
export function stepOf(link: Link): ChainStep {
  return link.relation === 'supplies_labor'
    ? { link, parent: link.to, child: link.from }
    : { link, parent: link.from, child: link.to };
}

/** The tier links going down from a party: its subcontractors, labour suppliers, employees, recruits. */
export function downSteps(graph: ChainGraph, id: string): ChainStep[] {
  const steps: ChainStep[] = [];
  for (const link of graph.out.get(id) ?? []) if (TIER_RELATIONS.has(link.relation) && link.relation !== 'supplies_labor') steps.push(stepOf(link));
  for (const link of graph.in.get(id) ?? []) if (link.relation === 'supplies_labor') steps.push(stepOf(link));
  return steps.sort((a, b) => (a.link.id < b.link.id ? -1 : a.link.id > b.link.id ? 1 : 0));
}

/** The tier links going up from a party: who it works for, supplies labour to, or is employed or recruited by. */
export function upSteps(graph: ChainGraph, id: string): ChainStep[] {
  const steps: ChainStep[] = [];
  for (const link of graph.in.get(id) ?? []) if (TIER_RELATIONS.has(link.relation) && link.relation !== 'supplies_labor') steps.push(stepOf(link));
  for (const link of graph.out.get(id) ?? []) if (link.relation === 'supplies_labor') steps.push(stepOf(link));
  return steps.sort((a, b) => (a.link.id < b.link.id ? -1 : a.link.id > b.link.id ? 1 : 0));
}

/**
 * Strongly connected components over the given relations (Tarjan, iterative so deep chains cannot
 * overflow the stack). Returns only the components that are cycles: more than one party, or a
 * party with a link to itself.
 */
export function findCycles(graph: ChainGraph, relations?: ReadonlySet<Relation>): string[][] {
  // Without explicit relations, cycles are found down the chain (tier links, correctly oriented).
  const next = (id: string): string[] => (relations ? outLinks(graph, id, relations).map((l) => l.to) : downSteps(graph, id).map((s) => s.child));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  const ids = [...graph.parties.keys()].sort();
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const edges = next(frame.id);
      if (frame.next < edges.length) {
        const to = edges[frame.next++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ id: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        const selfLoop = component.length === 1 && edges.includes(frame.id);
        if (component.length > 1 || selfLoop) cycles.push(component.sort());
      }
    }
  }
  return cycles.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/**
 * Tiers: the client (or, without one, every party with nothing above it) is tier 0; each
 * party's tier is its shortest distance down the chain (see `stepOf` for the orientation). Parties not reachable get no tier.
 */
export function computeTiers(graph: ChainGraph): Map<string, number> {
  const tiers = new Map<string, number>();
  const parties = [...graph.parties.values()];
  const clients = parties.filter((p) => p.isClient);
  const roots = clients.length
    ? clients
    : parties.filter((p) => upSteps(graph, p.id).length === 0 && downSteps(graph, p.id).length > 0);
  const queue = roots.map((p) => p.id).sort();
  for (const id of queue) tiers.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const step of downSteps(graph, id)) {
      if (!tiers.has(step.child)) {
        tiers.set(step.child, tiers.get(id)! + 1);
        queue.push(step.child);
      }
    }
  }
  return tiers;
}
