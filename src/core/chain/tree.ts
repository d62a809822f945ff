/**
 * The chain's spanning forest: every party gets one place on the map. Tiered parties hang under the
 * party above them on their shortest route from the client; parties outside the tiers (banks, owners,
 * payees) sit beside the first chain party they are linked to; detached groups and lone parties come
 * last. Collapsing and layout both work on this forest, so it is computed once per chain.
 */
import { computeTiers, upSteps } from './graph';
import type { ChainGraph } from './graph';

export interface ChainTree {
  /** Tier (distance from the client down tier links) of parties in the chain. */
  readonly tiers: ReadonlyMap<string, number>;
  /** Row on the map: the tier for tiered parties, the anchor's row for parties beside it. */
  readonly layer: ReadonlyMap<string, number>;
  /** Parent in the forest, or null for a root. */
  readonly parent: ReadonlyMap<string, string | null>;
  /** Children in display order. */
  readonly children: ReadonlyMap<string, readonly string[]>;
  /** Roots in display order: the client(s) first, then detached groups, then lone parties. */
  readonly roots: readonly string[];
  /** How each party got its place. */
  readonly placement: ReadonlyMap<string, 'tier' | 'beside' | 'detached' | 'alone'>;
}

const byNameThenId = (graph: ChainGraph) => (a: string, b: string) => {
  const pa = graph.parties.get(a)!;
  const pb = graph.parties.get(b)!;
  return pa.name.localeCompare(pb.name, 'en') || (a < b ? -1 : a > b ? 1 : 0);
};

/** Every party linked to `id` by any relation, in link id order, without repeats. */
export function neighbours(graph: ChainGraph, id: string): string[] {
  const seen = new Set<string>();
  const links = [...(graph.out.get(id) ?? []), ...(graph.in.get(id) ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const l of links) seen.add(l.from === id ? l.to : l.from);
  seen.delete(id);
  return [...seen];
}

/**
 * Builds the forest. Deterministic: ties are broken by name, then id, so the same chain always
 * gets the same map.
 */
export function buildChainTree(graph: ChainGraph, tiers: ReadonlyMap<string, number> = computeTiers(graph)): ChainTree {
  const parent = new Map<string, string | null>();
  const layer = new Map<string, number>();
  const placement = new Map<string, 'tier' | 'beside' | 'detached' | 'alone'>();
  const sort = byNameThenId(graph);
  const ids = [...graph.parties.keys()].sort();

  // Tiered parties: the parent is the first party one tier up that puts work down to them.
  for (const id of ids) {
    const tier = tiers.get(id);
    if (tier === undefined) continue;
    layer.set(id, tier);
    placement.set(id, 'tier');
    if (tier === 0) {
      parent.set(id, null);
      continue;
    }
    const up = upSteps(graph, id).map((s) => s.parent).filter((p) => tiers.get(p) === tier - 1).sort(sort);
    parent.set(id, up[0] ?? null);
  }

  // Parties outside the tiers: breadth-first from the chain over any link, each beside the first
  // placed party that reaches it. A bank sits beside the first customer, an owner beside its company.
  const frontier = ids.filter((id) => tiers.has(id)).sort((a, b) => tiers.get(a)! - tiers.get(b)! || sort(a, b));
  const besideOf = new Map<string, string>();
  for (let i = 0; i < frontier.length; i++) {
    const id = frontier[i]!;
    for (const n of neighbours(graph, id).sort(sort)) {
      if (placement.has(n)) continue;
      placement.set(n, 'beside');
      besideOf.set(n, id);
      layer.set(n, layer.get(id)!);
      frontier.push(n);
    }
  }
  // A party placed beside an anchor shares the anchor's parent, so it lands next to it in the row.
  for (const [id, anchor] of besideOf) parent.set(id, parent.get(anchor) ?? null);

  // Detached groups (linked to each other but not to the chain) and lone parties.
  const detachedRoots: string[] = [];
  const alone: string[] = [];
  for (const id of ids) {
    if (placement.has(id)) continue;
    const group = neighbours(graph, id);
    if (group.length === 0) {
      placement.set(id, 'alone');
      parent.set(id, null);
      layer.set(id, 0);
      alone.push(id);
      continue;
    }
    detachedRoots.push(id);
    placement.set(id, 'detached');
    parent.set(id, null);
    layer.set(id, 0);
    const queue = [id];
    for (let i = 0; i < queue.length; i++) {
      const at = queue[i]!;
      for (const n of neighbours(graph, at).sort(sort)) {
        if (placement.has(n)) continue;
        placement.set(n, 'detached');
        parent.set(n, at);
        layer.set(n, layer.get(at)! + 1);
        queue.push(n);
      }
    }
  }

  const children = new Map<string, string[]>(ids.map((id) => [id, []]));
  const tierRoots: string[] = [];
  for (const id of ids) {
    const p = parent.get(id);
    if (p) children.get(p)!.push(id);
    else if (placement.get(id) === 'tier' || placement.get(id) === 'beside') tierRoots.push(id);
  }
  // Children: chain parties first (by name), each followed by what sits beside it.
  const ordered = new Map<string, string[]>();
  for (const [id, list] of children) ordered.set(id, orderSiblings(list, besideOf, sort));
  return {
    tiers,
    layer,
    parent,
    children: ordered,
    roots: [...orderSiblings(tierRoots, besideOf, sort), ...detachedRoots.sort(sort), ...alone.sort(sort)],
    placement,
  };
}

/** Orders siblings so that each party placed beside an anchor follows that anchor. */
function orderSiblings(list: readonly string[], besideOf: ReadonlyMap<string, string>, sort: (a: string, b: string) => number): string[] {
  const members = new Set(list);
  const followers = new Map<string, string[]>();
  const heads: string[] = [];
  for (const id of list) {
    const anchor = besideOf.get(id);
    if (anchor !== undefined && members.has(anchor)) {
      const f = followers.get(anchor) ?? [];
      f.push(id);
      followers.set(anchor, f);
    } else {
      heads.push(id);
    }
  }
  const out: string[] = [];
  const emit = (id: string) => {
    out.push(id);
    for (const f of (followers.get(id) ?? []).sort(sort)) emit(f);
  };
  for (const h of heads.sort(sort)) emit(h);
  return out;
}

/** Every party below `id` in the forest (not including `id`), depth first in display order. */
export function descendants(tree: ChainTree, id: string): string[] {
  const out: string[] = [];
  const stack = [...(tree.children.get(id) ?? [])].reverse();
  while (stack.length) {
    const at = stack.pop()!;
    out.push(at);
    const kids = tree.children.get(at) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}
