// Structural warnings: one case per kind, and the demo chain's known gaps.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/core/chain/graph';
import { findStructuralWarnings } from '../../../src/core/chain/warnings';
import type { ChainWarning } from '../../../src/core/chain/warnings';
import { demoSnapshot, link, party } from './fixtures';

const codes = (ws: readonly ChainWarning[]) => ws.map((w) => `${w.code}:${w.partyIds.join(',')}`);

describe('structural warnings', () => {
  it('finds the demo chain\'s dark tiers and the payment to a trading company outside the chain', () => {
    const demo = demoSnapshot();
    const ws = findStructuralWarnings(buildGraph(demo.parties, demo.links));
    expect(codes(ws)).toEqual([
      'payment_outside_chain:pty_demo_011,pty_demo_017',
      'goes_dark:pty_demo_013',
      'goes_dark:pty_demo_016',
    ]);
    expect(ws[0]!.severity).toBe('high');
    expect(ws[0]!.message).toContain('third-party account');
  });

  const base = [party('client', 'organization', { isClient: true }), party('gc'), party('agency'), party('crew', 'workforce')];
  const chain = [link('l1', 'subcontracts', 'client', 'gc'), link('l2', 'supplies_labor', 'agency', 'gc'), link('l3', 'employs', 'agency', 'crew')];

  it('is silent on a complete chain', () => {
    expect(findStructuralWarnings(buildGraph(base, chain))).toEqual([]);
  });

  it('reports a contract cycle with the links that close it', () => {
    const ws = findStructuralWarnings(buildGraph(base, [...chain, link('l4', 'subcontracts', 'agency', 'gc')]));
    const cycle = ws.find((w) => w.code === 'cycle')!;
    expect(cycle.partyIds).toEqual(['agency', 'gc']);
    expect(cycle.linkIds).toEqual(['l2', 'l4']);
    expect(cycle.severity).toBe('high');
  });

  it('reports a crew nobody employs, a lone party, a detached pair and a labour supplier that goes dark', () => {
    const parties = [...base, party('crew2', 'workforce'), party('lone'), party('x'), party('y'), party('agency2')];
    const links = [...chain, link('l5', 'subcontracts', 'x', 'y'), link('l6', 'supplies_labor', 'agency2', 'gc')];
    const ws = findStructuralWarnings(buildGraph(parties, links));
    expect(codes(ws)).toEqual([
      'goes_dark:agency2',
      'crew_without_employer:crew2',
      'detached:x,y',
      'orphan:lone',
    ]);
    expect(ws[0]!.severity).toBe('high');
  });

  it('rates a bank-transfer payment outside the chain lower than cash, and notes round-tripping', () => {
    const parties = [...base, party('minder', 'person'), party('owner', 'person')];
    const links = [...chain, link('p1', 'pays', 'agency', 'minder', { channel: 'cash' }), link('p2', 'pays', 'gc', 'owner', { channel: 'bank_transfer' }),
      link('p3', 'pays', 'gc', 'agency'), link('p4', 'pays', 'agency', 'gc')];
    const ws = findStructuralWarnings(buildGraph(parties, links));
    expect(ws.map((w) => `${w.code}:${w.severity}:${w.linkIds.join(',')}`)).toEqual([
      'payment_outside_chain:high:p1',
      'payment_outside_chain:medium:p2',
      'payment_cycle:medium:p3,p4',
    ]);
  });

  it('asks for a client when none is marked', () => {
    const ws = findStructuralWarnings(buildGraph([party('a'), party('b')], [link('l', 'subcontracts', 'a', 'b')]));
    // Counted from the party with nothing above it, b is tier 1 and discloses nothing below it.
    expect(ws.map((w) => w.code)).toEqual(['goes_dark', 'no_client']);
  });

  it('reports links whose party is missing', () => {
    const ws = findStructuralWarnings(buildGraph(base, [...chain, link('ghost', 'pays', 'gc', 'nobody')]));
    expect(ws.map((w) => `${w.code}:${w.linkIds.join(',')}`)).toEqual(['dangling_link:ghost']);
  });
});
