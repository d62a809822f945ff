// Contract paths, payment paths and money trails over the demo chain and small hand-made graphs.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/core/chain/graph';
import { chainRoots, contractPaths, describePath, moneyTrail, paymentPathsTo } from '../../../src/core/chain/paths';
import { demoSnapshot, link, party } from './fixtures';

const demo = demoSnapshot();
const g = buildGraph(demo.parties, demo.links);

describe('contract paths', () => {
  it('lists every route from the client to the steel crew, shortest first', () => {
    const set = contractPaths(g, 'pty_demo_028');
    expect(set.paths.map((p) => describePath(g, p))).toEqual([
      'Al Wakra Stadium Development Company Q.P.S.C. → Halvorsen Dunmore Contracting W.L.L. → Baltiyskiy Stalmontazh LLC → Silver Falcon Manpower Supply W.L.L. → Steel erection crew',
      'Al Wakra Stadium Development Company Q.P.S.C. → Halvorsen Dunmore Contracting W.L.L. → Baltiyskiy Stalmontazh LLC → Silver Falcon Manpower Supply W.L.L. → Korea Rŭngnado General Trading Corp. → Steel erection crew',
    ]);
    expect(set.truncated).toBe(false);
    expect([...set.partyIds].sort()).toEqual(['pty_demo_001', 'pty_demo_002', 'pty_demo_006', 'pty_demo_011', 'pty_demo_012', 'pty_demo_028']);
    // The supplies_labor link is on the route although it points up (the supplier sits below).
    expect(set.linkIds.has('lnk_demo_015')).toBe(true);
    expect(set.linkIds.has('lnk_demo_040')).toBe(false);
  });

  it('gives the client a path of its own and an unrelated party none', () => {
    expect(contractPaths(g, 'pty_demo_001').paths).toEqual([{ start: 'pty_demo_001', hops: [] }]);
    const bank = contractPaths(g, 'pty_demo_035');
    expect(bank.paths).toEqual([]);
    expect(bank.partyIds.size).toBe(0);
  });

  it('stays finite on a cycle and truncates a path explosion at the limit', () => {
    // A ladder of diamonds has 2^k paths; with a back edge for good measure.
    const ids = ['c', ...Array.from({ length: 12 }, (_, i) => [`a${i}`, `b${i}`, `m${i}`]).flat()];
    const parties = ids.map((id) => party(id, 'organization', { isClient: id === 'c' }));
    const links = [];
    let prev = 'c';
    for (let i = 0; i < 12; i++) {
      links.push(link(`l${i}a`, 'subcontracts', prev, `a${i}`), link(`l${i}b`, 'subcontracts', prev, `b${i}`));
      links.push(link(`l${i}c`, 'subcontracts', `a${i}`, `m${i}`), link(`l${i}d`, 'subcontracts', `b${i}`, `m${i}`));
      prev = `m${i}`;
    }
    links.push(link('back', 'subcontracts', 'm5', 'a2'));
    const graph = buildGraph(parties, links);
    const set = contractPaths(graph, 'm11', { limit: 100 });
    expect(set.paths).toHaveLength(100);
    expect(set.truncated).toBe(true);
    expect(set.partyIds.size).toBe(ids.length);
    for (const p of set.paths) expect(new Set(p.hops.map((h) => h.partyId)).size).toBe(p.hops.length);
  });

  it('falls back to the parties with nothing above them when no client is marked', () => {
    const graph = buildGraph([party('x'), party('y'), party('z')], [link('l1', 'subcontracts', 'x', 'y')]);
    expect(chainRoots(graph)).toEqual(['x']);
  });
});

describe('payment paths', () => {
  it('follows every payment that reaches the steel crew, one path per payment link', () => {
    const set = paymentPathsTo(g, 'pty_demo_028');
    expect(set.paths.map((p) => p.hops.map((h) => h.linkId))).toEqual([
      ['lnk_demo_029', 'lnk_demo_033', 'lnk_demo_039', 'lnk_demo_042'],
      ['lnk_demo_029', 'lnk_demo_033', 'lnk_demo_040', 'lnk_demo_042'],
    ]);
    expect(set.paths.every((p) => p.start === 'pty_demo_001')).toBe(true);
  });

  it('shows where the money of the steel contractor goes, nearest first, into banks too', () => {
    const trail = moneyTrail(g, 'pty_demo_006');
    expect(trail.reached).toEqual([
      { partyId: 'pty_demo_011', hops: 1 },
      { partyId: 'pty_demo_037', hops: 1 },
      { partyId: 'pty_demo_017', hops: 2 },
      { partyId: 'pty_demo_028', hops: 2 },
      { partyId: 'pty_demo_036', hops: 2 },
      { partyId: 'pty_demo_038', hops: 3 },
    ]);
    expect(describePath(g, trail.paths[5]!)).toBe('Baltiyskiy Stalmontazh LLC → Silver Falcon Manpower Supply W.L.L. → Dandong Haifeng Trading Co., Ltd. → Dongbei Frontier Commercial Bank');
    // Both payments (bank transfer and cash) are part of the trail.
    expect(trail.linkIds.has('lnk_demo_039') && trail.linkIds.has('lnk_demo_040')).toBe(true);
    expect(trail.linkIds.has('lnk_demo_009')).toBe(false);
  });

  it('handles money going round in a circle', () => {
    const graph = buildGraph([party('a'), party('b'), party('c')], [link('1', 'pays', 'a', 'b'), link('2', 'pays', 'b', 'c'), link('3', 'pays', 'c', 'a')]);
    expect(moneyTrail(graph, 'a').reached.map((r) => r.partyId)).toEqual(['b', 'c']);
    const set = paymentPathsTo(graph, 'c');
    expect(set.paths.map((p) => p.start).sort()).toEqual(['a', 'b']);
  });
});
