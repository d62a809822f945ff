/**
 * Folding a large chain into a readable map: branches fold into one group node under the party
 * they hang from, either by depth (show tiers down to N) or one branch at a time. Links into a
 * folded branch are drawn to its group, merged per pair and kind, so nothing silently disappears.
 */
import type { Link, Party } from '../model/schemas';
import { stepOf, type ChainGraph } from './graph';
import { descendants, type ChainTree } from './tree';

export interface CollapseState {
  /** Deepest row shown; deeper branches fold into their ancestor on that row. null shows every row. */
  readonly maxLayer: number | null;
  /** Parties whose branch is folded, whatever their depth. */
  readonly collapsed: ReadonlySet<string>;
  /** Parties whose branch is open even below `maxLayer`. */
  readonly expanded: ReadonlySet<string>;
}

export const OPEN_ALL: CollapseState = { maxLayer: null, collapsed: new Set(), expanded: new Set() };

/** Tier links (work) and money links (pays, banks with, owns) are drawn differently and toggled apart. */
export type EdgeCategory = 'tier' | 'money';
export const edgeCategory = (link: Link): EdgeCategory => (link.relation === 'pays' || link.relation === 'banks_with' || link.relation === 'owns' ? 'money' : 'tier');

export type ViewNode =
  | { readonly type: 'party'; readonly id: string; readonly party: Party; readonly layer: number; readonly folded: number }
  | { readonly type: 'group'; readonly id: string; readonly owner: string; readonly memberIds: readonly string[]; readonly layer: number };

export interface ViewEdge {
  readonly id: string;
  /** Drawn from source to target: down the chain for tier links, payer to payee for money. */
  readonly source: string;
  readonly target: string;
  readonly category: EdgeCategory;
  readonly linkIds: readonly string[];
  /** The link when the edge stands for exactly one link between two visible parties. */
  readonly link: Link | null;
}

export interface ChainView {
  readonly nodes: readonly ViewNode[];
  readonly edges: readonly ViewEdge[];
  readonly roots: readonly string[];
  readonly children: ReadonlyMap<string, readonly string[]>;
  /** For every party, the node it is drawn as (itself, or the group it is folded into). */
  readonly shownAs: ReadonlyMap<string, string>;
}

export const groupId = (owner: string) => `group:${owner}`;

/** Builds the visible map for a collapse state. Linear in parties plus links. */
export function buildChainView(graph: ChainGraph, tree: ChainTree, state: CollapseState = OPEN_ALL): ChainView {
  const nodes: ViewNode[] = [];
  const children = new Map<string, string[]>();
  const shownAs = new Map<string, string>();
  const isOpen = (id: string, childLayer: number) =>
    !state.collapsed.has(id) && (state.expanded.has(id) || state.maxLayer === null || childLayer <= state.maxLayer);

  const visit = (id: string, into: string[]): void => {
    const party = graph.parties.get(id)!;
    const layer = tree.layer.get(id) ?? 0;
    const kids = tree.children.get(id) ?? [];
    const open = kids.length === 0 || isOpen(id, layer + 1);
    const folded = open ? [] : descendants(tree, id);
    nodes.push({ type: 'party', id, party, layer, folded: folded.length });
    shownAs.set(id, id);
    into.push(id);
    const list: string[] = [];
    children.set(id, list);
    if (open) {
      for (const k of kids) visit(k, list);
      return;
    }
    const gid = groupId(id);
    nodes.push({ type: 'group', id: gid, owner: id, memberIds: folded, layer: layer + 1 });
    children.set(gid, []);
    list.push(gid);
    for (const m of folded) shownAs.set(m, gid);
  };
  const roots: string[] = [];
  // Iterative over roots, recursive within: forest depth is the chain's depth, which stays small.
  for (const r of tree.roots) visit(r, roots);

  const edges: ViewEdge[] = [];
  const merged = new Map<string, { source: string; target: string; category: EdgeCategory; linkIds: string[] }>();
  const links = [...graph.out.values()].flat().sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const link of links) {
    const category = edgeCategory(link);
    const ends = category === 'tier' ? stepOf(link) : { parent: link.from, child: link.to };
    const source = shownAs.get(ends.parent);
    const target = shownAs.get(ends.child);
    if (!source || !target || source === target) continue;
    if (source === ends.parent && target === ends.child) {
      edges.push({ id: link.id, source, target, category, linkIds: [link.id], link });
      continue;
    }
    const key = `agg:${source}>${target}:${category}`;
    const m = merged.get(key) ?? { source, target, category, linkIds: [] };
    m.linkIds.push(link.id);
    merged.set(key, m);
  }
  for (const [id, m] of merged) edges.push({ id, ...m, link: null });
  return { nodes, edges, roots, children, shownAs };
}

/**
 * A first view that stays readable: the deepest row limit at which at most `budget` nodes are
 * shown (parties plus the groups folding what lies below), never less than the first row of
 * contractors. Small chains are shown whole.
 */
export function autoCollapse(tree: ChainTree, budget = 240): CollapseState {
  if (tree.layer.size <= budget) return OPEN_ALL;
  const perLayer: number[] = [];
  const withKids: number[] = [];
  for (const [id, l] of tree.layer) {
    perLayer[l] = (perLayer[l] ?? 0) + 1;
    if ((tree.children.get(id) ?? []).length) withKids[l] = (withKids[l] ?? 0) + 1;
  }
  let total = 0;
  let maxLayer = 1;
  for (let l = 0; l < perLayer.length; l++) {
    total += perLayer[l] ?? 0;
    if (l >= 1 && total + (withKids[l] ?? 0) <= budget) maxLayer = l;
    if (total > budget) break;
  }
  return { maxLayer: maxLayer >= perLayer.length - 1 ? null : maxLayer, collapsed: new Set(), expanded: new Set() };
}

/** Opens the branches needed to show `partyId` (for search results and path highlights). */
export function revealParty(tree: ChainTree, state: CollapseState, partyId: string): CollapseState {
  const collapsed = new Set(state.collapsed);
  const expanded = new Set(state.expanded);
  for (let p = tree.parent.get(partyId) ?? null; p; p = tree.parent.get(p) ?? null) {
    collapsed.delete(p);
    expanded.add(p);
  }
  return { maxLayer: state.maxLayer, collapsed, expanded };
}

/** Folds or unfolds one party's branch. */
export function toggleBranch(state: CollapseState, partyId: string, isFolded: boolean): CollapseState {
  const collapsed = new Set(state.collapsed);
  const expanded = new Set(state.expanded);
  if (isFolded) {
    collapsed.delete(partyId);
    expanded.add(partyId);
  } else {
    expanded.delete(partyId);
    collapsed.add(partyId);
  }
  return { maxLayer: state.maxLayer, collapsed, expanded };
}
