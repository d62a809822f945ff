// Tier links are oriented by meaning: a labour supplier sits below the contractor it supplies.
import { describe, expect, it } from 'vitest';
import { buildGraph, computeTiers, downSteps, findCycles, upSteps } from '../../../src/core/chain/graph';
import { linkSchema, partySchema } from '../../../src/core/model';
import type { Relation } from '../../../src/core/model';

const T = '2026-01-01T00:00:00.000Z';
const party = (id: string, isClient = false) => partySchema.parse({ id, projectId: 'p', kind: 'organization', name: id, isClient, createdAt: T, updatedAt: T });
const link = (id: string, relation: Relation, from: string, to: string) => linkSchema.parse({ id, projectId: 'p', relation, from, to, createdAt: T, updatedAt: T });

describe('chain orientation', () => {
  const parties = ['client', 'gc', 'agency', 'crew'].map((id) => party(id, id === 'client'));
  const links = [
    link('l1', 'subcontracts', 'client', 'gc'),
    link('l2', 'supplies_labor', 'agency', 'gc'),
    link('l3', 'employs', 'agency', 'crew'),
  ];
  const g = buildGraph(parties, links);

  it('puts a labour supplier one tier below the contractor it supplies', () => {
    expect(Object.fromEntries(computeTiers(g))).toEqual({ client: 0, gc: 1, agency: 2, crew: 3 });
  });
  it('walks down and up the same steps', () => {
    expect(downSteps(g, 'gc').map((s) => s.child)).toEqual(['agency']);
    expect(upSteps(g, 'agency').map((s) => s.parent)).toEqual(['gc']);
  });
  it('finds a cycle that runs through a supplies_labor link', () => {
    const cyc = buildGraph(parties, [...links, link('l4', 'subcontracts', 'agency', 'gc')]);
    expect(findCycles(cyc)).toEqual([['agency', 'gc']]);
  });
  it('finds no cycle in a plain chain', () => {
    expect(findCycles(g)).toEqual([]);
  });
});
