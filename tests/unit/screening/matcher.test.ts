// The matcher on the bundled DPRK snapshot: the variant kinds the issue names, the false-positive traps,
// explanations part by part, and the quality targets on the labelled evaluation set.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCREENING_CONFIG, NameIndex, parseSnapshotText, resolveConfig, screenName } from '../../../src/core/screening';
import type { QueryKind } from '../../../src/core/screening';
import { REPO_ROOT } from '../../support/shared';
import { evaluate, loadEvalSet } from '../../fixtures/screening/evaluate';

const snapshot = parseSnapshotText(readFileSync(`${REPO_ROOT}assets/reference/sanctions-snapshot.json`, 'utf8')).snapshot!;
const index = new NameIndex(snapshot.lists);
const top = (q: string, kind: QueryKind = 'any') => screenName(index, q, kind)[0];

describe('screenName finds designated names written another way', () => {
  it.each([
    ['exact', 'Kim Jong Un', 'person', 'OFAC', '20157'],
    ['romanization', 'Rhee Won Ho', 'person', 'OFAC', '19609'],
    ['romanization', 'Park Hwa Song', 'person', 'OFAC', '40937'],
    ['romanization (Korean word for Korea)', 'Joseon Taesong Bank', 'organization', 'OFAC', '12312'],
    ['Cyrillic, traditional spelling', 'Ким Чен Ын', 'person', 'OFAC', '20157'],
    ['Cyrillic, Kontsevich', 'Чхве Рён Хэ', 'person', 'OFAC', '23213'],
    ['Cyrillic legal form', 'ООО «Мокран»', 'organization', 'OFAC', '30083'],
    ['Hangul', '김정은', 'person', 'OFAC', '20157'],
    ['Hangul company name', '조선대성은행', 'organization', 'OFAC', '12312'],
    ['dropped legal form', 'Korea Rungrado General Trading', 'organization', 'OFAC', '19613'],
    ['embedded in a branch name', 'Mansudae Overseas Project Group of Companies, Qatar Branch', 'organization', 'OFAC', '20578'],
    ['typo in the first letter', 'Lungrado General Trading Corp', 'organization', 'OFAC', '19613'],
    ['swapped person-name order', 'Jong Un Kim', 'person', 'OFAC', '20157'],
    ['listed acronym alias', 'KOMID', 'organization', 'OFAC', '9345'],
  ] as const)('%s: %s', (_kind, query, kind, list, ref) => {
    const matches = screenName(index, query, kind).filter((m) => m.band === 'match');
    expect(matches.map((m) => `${m.listName}:${m.ref}`)).toContain(`${list}:${ref}`);
  });
});

describe('screenName avoids the known false-positive traps', () => {
  it.each([
    ['South Korean company', 'Samsung C&T Corporation', 'organization'],
    ['generic words only', 'Korea Development Bank', 'organization'],
    ['shared family name, other given name', 'Kim Min-jun', 'person'],
    ['South Korean given name that sounds alike', 'Lee Seo-yeon', 'person'],
    ['Koryo-saram name in Cyrillic', 'Пак Андрей Викторович', 'person'],
    ['listed name plus words that name another entity', 'Korea Zinc Co., Ltd.', 'organization'],
  ] as const)('%s: %s', (_kind, query, kind) => {
    expect(screenName(index, query, kind).filter((m) => m.band === 'match')).toEqual([]);
  });

  it('keeps a different entity of the same root name below the threshold (Korea Daesong Bank ≠ Korea Daesong Trading)', () => {
    const scores = new Map(screenName(index, 'Korea Daesong Bank', 'organization').map((m) => [m.ref, m.score]));
    expect(scores.get('12312')).toBe(1);
    expect(scores.get('12313') ?? 0).toBeLessThan(DEFAULT_SCREENING_CONFIG.threshold);
  });

  it('does not take Koryo Bank for Koryo Commercial Bank', () => {
    const refs = screenName(index, 'Koryo Bank', 'organization').filter((m) => m.band === 'match').map((m) => m.ref);
    expect(refs).toContain('20572');
    expect(refs).not.toContain('23004');
  });

  it('reports a vessel named like a company only for review', () => {
    const paekma = screenName(index, 'Paek Ma Shipping', 'organization').find((m) => m.entryType === 'vessel');
    if (paekma) expect(paekma.band).toBe('review');
  });
});

describe('explanations', () => {
  it('explain every part: how each word agreed and what is missing', () => {
    const m = top('Rhee Won-ho Trading', 'any')!;
    expect(m.explanation.algorithm).toBe('subtier-name-1');
    expect(m.explanation.parts).toEqual(expect.arrayContaining([expect.objectContaining({ query: 'rhee', listed: 'ri', how: 'romanization' })]));
    const chosun = screenName(index, 'Chosun Expo Joint Venture LLC', 'organization')[0]!;
    expect(chosun.explanation.legalForms.query).toContain('LLC');
    expect(chosun.explanation.summary).toMatch(/chosun/);
  });

  it('are deterministic: the same query gives the same bytes', () => {
    expect(JSON.stringify(screenName(index, 'Korea Rungrado Trading'))).toBe(JSON.stringify(screenName(index, 'Korea Rungrado Trading')));
  });

  it('rejects nonsense thresholds', () => {
    expect(() => resolveConfig({ threshold: 1.5 })).toThrow(/threshold/);
    expect(() => resolveConfig({ threshold: 0.8, reviewFloor: 0.9 })).toThrow(/review band/);
  });
});

describe('quality on the labelled evaluation set', () => {
  it('meets F1 ≥ 0.95 with precision ≥ 0.97 at the default threshold', () => {
    const cases = loadEvalSet();
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(cases.filter((c) => !c.positive).length / cases.length).toBeGreaterThanOrEqual(0.4);
    const t = DEFAULT_SCREENING_CONFIG.threshold;
    const { overall } = evaluate(cases, (c) => screenName(index, c.query, c.queryKind).filter((m) => m.score >= t).map((m) => `${m.listName}:${m.ref}`));
    expect(overall.precision).toBeGreaterThanOrEqual(0.97);
    expect(overall.f1).toBeGreaterThanOrEqual(0.95);
  });
});
