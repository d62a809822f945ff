// The map's forest, folding and layout: every party placed once, no two nodes overlapping, the same
// chain always drawn the same way, and 2,000 parties laid out quickly.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/core/chain/graph';
import { buildChainTree } from '../../../src/core/chain/tree';
import { OPEN_ALL, autoCollapse, buildChainView, groupId, revealParty, toggleBranch } from '../../../src/core/chain/collapse';
import { DEFAULT_LAYOUT, layoutChain } from '../../../src/core/chain/layout';
import type { ChainLayout } from '../../../src/core/chain/layout';
import { generateChain } from '../../../src/core/chain/generate';
import { demoSnapshot } from './fixtures';

const demo = demoSnapshot();
const dg = buildGraph(demo.parties, demo.links);

function overlaps(layout: ChainLayout): string[] {
  const { nodeWidth: w, nodeHeight: h } = DEFAULT_LAYOUT;
  const boxes = [...layout.positions].sort((a, b) => a[1].y - b[1].y || a[1].x - b[1].x);
  const bad: string[] = [];
  // Sweep by row: nodes on the same y must be at least a node width apart.
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j]![1].y < boxes[i]![1].y + h; j++) {
      if (Math.abs(boxes[j]![1].x - boxes[i]![1].x) < w) bad.push(`${boxes[i]![0]}/${boxes[j]![0]}`);
    }
  }
  return bad;
}

describe('chain forest', () => {
  const tree = buildChainTree(dg);

  it('hangs each tiered party under the party above it and puts banks and owners beside a chain party', () => {
    expect(tree.parent.get('pty_demo_002')).toBe('pty_demo_001');
    expect(tree.parent.get('pty_demo_012')).toBe('pty_demo_011'); // a labour supplier below what it supplies
    expect(tree.placement.get('pty_demo_035')).toBe('beside');
    expect(tree.layer.get('pty_demo_035')).toBe(0); // the client's bank, on the client's row
    expect(tree.placement.get('pty_demo_017')).toBe('beside');
    expect(tree.layer.get('pty_demo_038')).toBe(tree.layer.get('pty_demo_017'));
    expect(tree.roots[0]).toBe('pty_demo_001');
    // Every party placed exactly once.
    const seen = [...tree.roots, ...[...tree.children.values()].flat()];
    expect(seen.sort()).toEqual(demo.parties.map((p) => p.id).sort());
  });

  it('lays out the demo chain on tier rows without overlaps, the client on top', () => {
    const layout = layoutChain(buildChainView(dg, tree));
    expect(overlaps(layout)).toEqual([]);
    const y = (id: string) => layout.positions.get(id)!.y;
    expect(y('pty_demo_001')).toBe(0);
    expect(y('pty_demo_002')).toBeGreaterThan(y('pty_demo_001'));
    expect(y('pty_demo_028')).toBeGreaterThan(y('pty_demo_011'));
    expect(layout.rowTop.length).toBe(5); // tiers 0 (client) to 4 (crews)
  });

  it('draws the same chain the same way whatever the input order', () => {
    const a = layoutChain(buildChainView(dg, buildChainTree(dg)));
    const shuffled = buildGraph([...demo.parties].reverse(), [...demo.links].reverse());
    const b = layoutChain(buildChainView(shuffled, buildChainTree(shuffled)));
    expect([...b.positions].sort()).toEqual([...a.positions].sort());
  });
});

describe('folding', () => {
  const tree = buildChainTree(dg);

  it('folds a branch into one group and redirects its links, merged per pair and kind', () => {
    const state = toggleBranch(OPEN_ALL, 'pty_demo_006', false);
    const view = buildChainView(dg, tree, state);
    const group = view.nodes.find((n) => n.id === groupId('pty_demo_006'));
    expect(group && group.type === 'group' && [...group.memberIds].sort()).toEqual(['pty_demo_011', 'pty_demo_012', 'pty_demo_017', 'pty_demo_018', 'pty_demo_019', 'pty_demo_020', 'pty_demo_028', 'pty_demo_029', 'pty_demo_038']);
    // The Al Sidra bank sits beside its first customer (Al Noor, outside this branch), so it stays.
    expect(view.shownAs.get('pty_demo_036')).toBe('pty_demo_036');
    expect(view.shownAs.get('pty_demo_028')).toBe(groupId('pty_demo_006'));
    const toGroup = view.edges.filter((e) => e.source === 'pty_demo_006' && e.target === groupId('pty_demo_006'));
    expect(toGroup.map((e) => [e.category, e.linkIds.length])).toEqual([['tier', 2], ['money', 2]]);
    // Links inside the folded branch disappear; links from outside are kept.
    expect(view.edges.some((e) => e.linkIds.includes('lnk_demo_042'))).toBe(false);
    expect(view.nodes.length).toBe(demo.parties.length - 9 + 1);
    expect(overlaps(layoutChain(view))).toEqual([]);
    // Unfolding restores every party.
    expect(buildChainView(dg, tree, toggleBranch(state, 'pty_demo_006', true)).nodes.length).toBe(demo.parties.length);
  });

  it('reveals a party folded deep in a branch', () => {
    const state = revealParty(tree, { maxLayer: 1, collapsed: new Set(['pty_demo_006']), expanded: new Set() }, 'pty_demo_028');
    expect(buildChainView(dg, tree, state).shownAs.get('pty_demo_028')).toBe('pty_demo_028');
  });
});

describe('a chain of 2,000 parties', () => {
  const chain = generateChain(2000, 4000, 7);
  const g = buildGraph(chain.parties, chain.links);

  it('generates the size asked for, deterministically', () => {
    expect(chain.parties).toHaveLength(2000);
    expect(chain.links.length).toBeGreaterThanOrEqual(3990);
    expect(generateChain(2000, 4000, 7)).toEqual(chain);
    expect(chain.parties.filter((p) => p.aliases.some((a) => /[\uac00-\ud7a3]/.test(a))).length).toBeGreaterThan(10);
  });

  it('lays out fully without overlaps (its time is in `npm run bench -- chain`)', () => {
    const tree = buildChainTree(g);
    const layout = layoutChain(buildChainView(g, tree));
    expect(layout.positions.size).toBe(2000);
    expect(overlaps(layout)).toEqual([]);
  });

  it('folds by depth to a readable first view', () => {
    const tree = buildChainTree(g);
    const state = autoCollapse(tree, 240);
    expect(state.maxLayer).not.toBeNull();
    const view = buildChainView(g, tree, state);
    expect(view.nodes.length).toBeLessThanOrEqual(240);
    expect(view.nodes.length).toBeGreaterThan(20);
    // Every party is drawn, as itself or inside a group.
    expect(view.shownAs.size).toBe(2000);
    expect(overlaps(layoutChain(view))).toEqual([]);
  });
});
