// Party and link tables: search in any script, filters, gaps and sorting.
import { describe, expect, it } from 'vitest';
import { buildGraph, computeTiers } from '../../../src/core/chain/graph';
import { buildLinkRows, buildPartyRows, filterLinkRows, filterPartyRows, foldText, sortPartyRows } from '../../../src/core/chain/table';
import { generateChain } from '../../../src/core/chain/generate';
import { demoSnapshot } from './fixtures';

const demo = demoSnapshot();
const tiers = computeTiers(buildGraph(demo.parties, demo.links));
const rows = buildPartyRows(demo.parties, demo.links, demo.evidence, tiers, new Map([['pty_demo_012', 'critical'], ['pty_demo_002', 'low']]));
const names = (rs: readonly { party: { name: string } }[]) => rs.map((r) => r.party.name);

describe('search across names and aliases', () => {
  it.each([
    ['세종', ['Korea Sejong General Construction Co., Ltd.', 'Sejong roof team']],
    ['릉라도', ['Korea Rŭngnado General Trading Corp.']],
    ['балтийский', ['Baltiyskiy Stalmontazh LLC']],
    ['Ким Кан', ['Kim Kangjin']],
    ['النور', ['Al Noor Manpower Services W.L.L.']],
    ['rungnado', ['Korea Rŭngnado General Trading Corp.']],
    ['丹东', ['Dandong Haifeng Trading Co., Ltd.']],
    ['falcon manpower', ['Silver Falcon Manpower Supply W.L.L.']],
  ])('finds %s', (query, expected) => {
    expect(names(filterPartyRows(rows, { query }))).toEqual(expected);
  });

  it('folds case, diacritics, full-width letters and Arabic vowel marks', () => {
    expect(foldText('Rŭngnado')).toBe('rungnado');
    expect(foldText('ＫＯＲＥＡ')).toBe('korea');
    expect(foldText('مُحَمَّد')).toBe(foldText('محمد'));
    // Like ё and е, й and и fold together: people type either.
    expect(foldText('ООО «Балтийский Стальмонтаж»')).toBe('ооо балтиискии стальмонтаж');
    expect(foldText('Ёлка')).toBe(foldText('елка'));
  });
});

describe('filters and sorting', () => {
  it('filters by kind, country, tier and level', () => {
    expect(names(filterPartyRows(rows, { kinds: ['bank'], countries: ['RU', 'CN'] })).sort()).toEqual(['Dongbei Frontier Commercial Bank', 'Severnaya Pristan Bank JSC']);
    expect(filterPartyRows(rows, { tiers: [0] }).map((r) => r.party.id)).toEqual(['pty_demo_001']);
    expect(filterPartyRows(rows, { tiers: [-1] }).every((r) => r.tier === null)).toBe(true);
    expect(names(filterPartyRows(rows, { levels: ['critical'] }))).toEqual(['Korea Rŭngnado General Trading Corp.']);
    expect(filterPartyRows(rows, { levels: ['unknown'] })).toHaveLength(demo.parties.length - 2);
  });

  it('finds crews whose workforce facts are unknown and parties without evidence', () => {
    const gaps = filterPartyRows(rows, { missing: ['workforce'] });
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.every((r) => r.party.kind === 'workforce')).toBe(true);
    expect(filterPartyRows(rows, { missing: ['evidence'] }).length).toBeGreaterThan(0);
  });

  it('sorts by level with the worst first and unknown last, then by name', () => {
    const sorted = sortPartyRows(rows, 'level');
    expect(sorted[0]!.party.id).toBe('pty_demo_012');
    expect(sorted[1]!.party.id).toBe('pty_demo_002');
    const byTier = sortPartyRows(rows, 'tier', true);
    expect(byTier[0]!.tier).toBe(4);
    const firstOutside = byTier.findIndex((r) => r.tier === null);
    expect(byTier[firstOutside - 1]!.tier).toBe(0);
    expect(byTier.slice(firstOutside).every((r) => r.tier === null)).toBe(true);
  });

  it('searches links by either party and filters by relation', () => {
    const links = buildLinkRows(demo.parties, demo.links, demo.evidence);
    const hits = filterLinkRows(links, { query: 'dandong', relations: ['pays'] });
    expect(hits.map((r) => r.link.id)).toEqual(['lnk_demo_041']);
  });

  it('filters 2,000 rows by words and kind (its time is in `npm run bench -- guards`)', () => {
    const chain = generateChain(2000, 4000, 3);
    const big = buildPartyRows(chain.parties, chain.links, [], computeTiers(buildGraph(chain.parties, chain.links)));
    const found = filterPartyRows(big, { query: 'gulf', kinds: ['organization'] });
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(big.length);
    expect(found).toEqual(big.filter((r) => r.party.kind === 'organization' && r.haystack.includes('gulf')));
  });
});
