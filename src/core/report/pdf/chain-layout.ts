/**
 * Lays out the chain diagram as a tiered tree that can be cut into pages: one column per contract
 * tier (plus one for banks, owners and payees outside the tiers), one row per leaf, each party on the
 * row of its first child, so a contractor's whole subcontract tree occupies consecutive rows and a
 * page break cuts between subtrees rather than through them. Pure geometry, no drawing. (The chain
 * map on screen has its own layout, src/core/chain/layout.ts: top-down, centred, never paged.)
 */
import type { ChainEdge, ChainModel, ChainNode } from '../report-model';

export interface PlacedNode {
  readonly node: ChainNode;
  readonly column: number;
  readonly row: number;
  /** The party it hangs under in the tree, if any. */
  readonly parent: string | null;
}

export interface DiagramLayout {
  readonly columns: readonly string[];
  readonly placed: ReadonlyMap<string, PlacedNode>;
  readonly rows: number;
}

const TIER_RELATIONS = new Set(['subcontracts', 'supplies_labor', 'employs', 'recruits']);
const LEVEL_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

export function layoutDiagram(chain: ChainModel): DiagramLayout {
  const byId = new Map(chain.nodes.map((n) => [n.id, n] as const));
  const tiered = chain.nodes.filter((n) => n.tier !== null);
  const maxTier = tiered.reduce((m, n) => Math.max(m, n.tier!), -1);
  const hasOutside = chain.nodes.some((n) => n.tier === null);
  const outsideColumn = maxTier + 1;
  const columns = Array.from({ length: maxTier + 1 }, (_, t) => (t === 0 ? 'Tier 0: client' : `Tier ${t}`));
  if (hasOutside) columns.push('Outside the tiers');

  // Primary parent: for a tiered party, the first party one tier up that awards it work; for a party
  // outside the tiers, the first tiered party it is linked with in either direction.
  const parentOf = new Map<string, string>();
  const edgesOf = (pred: (e: ChainEdge) => boolean) => chain.edges.filter(pred);
  for (const n of tiered) {
    if (n.tier === 0) continue;
    const e = edgesOf((x) => x.to === n.id && TIER_RELATIONS.has(x.relation) && byId.get(x.from)?.tier === n.tier! - 1)[0];
    if (e) parentOf.set(n.id, e.from);
  }
  for (const n of chain.nodes.filter((x) => x.tier === null)) {
    const e = edgesOf((x) => (x.to === n.id && byId.get(x.from)?.tier !== null) || (x.from === n.id && byId.get(x.to)?.tier !== null))[0];
    if (e) parentOf.set(n.id, e.to === n.id ? e.from : e.to);
  }
  const children = new Map<string, ChainNode[]>();
  for (const [child, parent] of parentOf) children.set(parent, [...(children.get(parent) ?? []), byId.get(child)!]);
  // Riskiest first, so the parties that matter lead each subtree; then by name for a stable order.
  const order = (a: ChainNode, b: ChainNode) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.label.localeCompare(b.label, 'en') || (a.id < b.id ? -1 : 1);
  for (const list of children.values()) list.sort((a, b) => Number(a.tier === null) - Number(b.tier === null) || order(a, b));

  const placed = new Map<string, PlacedNode>();
  let nextRow = 0;
  const place = (root: ChainNode) => {
    // Iterative post-order: a node's row is its first child's row, or a fresh row for a leaf.
    const kidsOf = (n: ChainNode) => (children.get(n.id) ?? []).filter((k) => !placed.has(k.id) && !seen.has(k.id));
    const seen = new Set<string>([root.id]);
    const stack: { node: ChainNode; kids: ChainNode[]; i: number; row: number | null }[] = [{ node: root, kids: kidsOf(root), i: 0, row: null }];
    while (stack.length) {
      const frame = stack[stack.length - 1]!;
      if (frame.i < frame.kids.length) {
        const kid = frame.kids[frame.i++]!;
        if (seen.has(kid.id)) continue;
        seen.add(kid.id);
        if (frame.row === null) frame.row = nextRow;
        stack.push({ node: kid, kids: kidsOf(kid), i: 0, row: null });
        continue;
      }
      stack.pop();
      const n = frame.node;
      placed.set(n.id, { node: n, column: n.tier ?? outsideColumn, row: frame.row ?? nextRow++, parent: parentOf.get(n.id) ?? null });
    }
  };
  for (const root of tiered.filter((n) => n.tier === 0).sort(order)) place(root);
  // Anything not reached (parties in loops or linked only among themselves) goes below, in order.
  for (const n of [...chain.nodes].sort(order)) if (!placed.has(n.id)) place(n);
  return { columns, placed, rows: nextRow };
}
