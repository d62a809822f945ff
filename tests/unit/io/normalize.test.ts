// Cell normalisers, table-driven: the forms real supplier files use, and the ones that must be refused.
import { describe, expect, it } from 'vitest';
import { normAmount, normCount, normCountryCell, normCurrency, normDate, normEnum, normPercent, normAliases, cellText, parseNumberText } from '../../../src/core/io/normalize';
import { neutralizeCell, restoreCell } from '../../../src/core/io';
import { CHANNELS, HOUSING, RELATIONS, TRISTATE, WAGE_PAYMENTS } from '../../../src/core/model';
import { KIND_VALUES } from '../../../src/core/io';

const s = (v: string) => ({ v });

describe('numbers', () => {
  it.each([
    ['1250000', 1250000], ['1,250,000.50', 1250000.5], ['1.250.000,50', 1250000.5], ['1 250 000', 1250000],
    ["1'250'000", 1250000], ['12,5', 12.5], ['0.75', 0.75], ['1.250.000', 1250000],
  ])('%s → %s', (text, n) => expect(parseNumberText(text)).toBe(n));
  it.each(['abc', '12 apples', 'USD 100', '1,2,3', '--1', ''])('refuses %j', (text) => expect(parseNumberText(text)).toBeNull());
  it('keeps amounts non-negative and counts whole', () => {
    expect(normAmount(s('-5'))).toEqual({ ok: false, error: 'must not be negative' });
    expect(normCount({ v: 40 })).toEqual({ ok: true, value: 40 });
    expect(normCount(s('40.5')).ok).toBe(false);
    expect(normCount(s('2000000')).ok).toBe(false);
    expect(normAmount(null as never)).toEqual({ ok: true, value: null });
  });
  it('reads percentages written or formatted', () => {
    expect(normPercent(s('35%'))).toEqual({ ok: true, value: 35 });
    expect(normPercent({ v: 0.35, z: '0%', w: '35%' })).toEqual({ ok: true, value: 35 });
    expect(normPercent({ v: 120 }).ok).toBe(false);
    const small = normPercent({ v: 0.5 });
    expect(small.ok && small.warning).toMatch(/50 %/);
  });
});

describe('dates', () => {
  it.each([
    ['2026-03-01', '2026-03-01'], ['2026/3/1', '2026-03-01'], ['01.03.2026', '2026-03-01'], ['15/01/2026', '2026-01-15'],
    ['01/15/2026', '2026-01-15'], ['3 March 2026', '2026-03-03'], ['March 3, 2026', '2026-03-03'], ['1st Feb 2026', '2026-02-01'],
    ['2026-03-01T10:00:00Z', '2026-03-01'], ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (text, iso) => expect(normDate(s(text))).toEqual({ ok: true, value: iso }));
  it.each([
    ['03/04/2026', /day\/month or month\/day/], ['2026-02-30', /not a real date/], ['2025-02-29', /not a real date/],
    ['next week', /not a date/], ['Smarch 3, 2026', /not a date/],
  ])('refuses %s', (text, re) => {
    const r = normDate(s(text));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(re);
  });
  it('reads Excel date serials, with a warning when the cell is not formatted as a date', () => {
    expect(normDate({ v: 46082, z: 'yyyy-mm-dd' })).toEqual({ ok: true, value: '2026-03-01' });
    const bare = normDate({ v: 46082 });
    expect(bare.ok && bare.value).toBe('2026-03-01');
    expect(bare.ok && bare.warning).toMatch(/Excel date/);
    expect(normDate({ v: 2026 }).ok).toBe(false);
  });
});

describe('enumerations', () => {
  it.each([
    [KIND_VALUES, 'Company', 'organization'], [KIND_VALUES, 'organisation', 'organization'], [KIND_VALUES, 'Crew', 'workforce'],
    [KIND_VALUES, 'WORKER', 'worker'], [KIND_VALUES, 'Workforce / crew', 'workforce'],
    [RELATIONS, 'supplies labour to', 'supplies_labor'], [RELATIONS, 'Supplies-Labor', 'supplies_labor'], [RELATIONS, 'banks with', 'banks_with'],
    [CHANNELS, 'Via team leader', 'team_leader'], [CHANNELS, 'Third-party account', 'third_party_account'], [CHANNELS, 'USDT', 'crypto'],
    [WAGE_PAYMENTS, "Worker's own account", 'individual_account'], [WAGE_PAYMENTS, 'cash', 'cash_to_worker'],
    [TRISTATE, 'Y', 'yes'], [TRISTATE, 'false', 'no'], [TRISTATE, '?', 'unknown'], [HOUSING, 'labour camp', 'compound'],
  ] as const)('%j: %s → %s', (values, text, value) => expect(normEnum(s(text), values as readonly string[], null)).toEqual({ ok: true, value }));
  it('refuses unknown values, listing the allowed ones', () => {
    const r = normEnum(s('partner'), RELATIONS, null);
    expect(r).toEqual({ ok: false, error: `"partner" is not one of: ${RELATIONS.join(', ')}` });
  });
  it('gives the fallback for an empty cell', () => expect(normEnum(s('  '), KIND_VALUES, null)).toEqual({ ok: true, value: null }));
});

describe('countries, currencies, aliases, text', () => {
  it.each([['Qatar', 'QA'], ['qa', 'QA'], ['Korea, North', 'KP'], ['DPRK', 'KP'], ['Russian Federation', 'RU'], ['', '']])('%s → %s', (text, code) => {
    expect(normCountryCell(s(text))).toEqual({ ok: true, value: code });
  });
  it('refuses unknown and ambiguous countries with the reason', () => {
    expect(normCountryCell(s('Narnia')).ok).toBe(false);
    const korea = normCountryCell(s('Korea'));
    expect(korea.ok).toBe(false);
  });
  it('maps currency symbols and refuses non-codes', () => {
    expect(normCurrency(s('usd'))).toEqual({ ok: true, value: 'USD' });
    expect(normCurrency(s('€'))).toEqual({ ok: true, value: 'EUR' });
    expect(normCurrency(s('dollars')).ok).toBe(false);
  });
  it('splits aliases on ; and line breaks, without repeats or the name itself', () => {
    expect(normAliases(s('Al-Nur; al-nur ;\nAl Noor; ;Другое'), 'Al Noor', 300, 50)).toEqual({ ok: true, value: ['Al-Nur', 'Другое'] });
    expect(normAliases(s(Array.from({ length: 51 }, (_, i) => `a${i}`).join(';')), 'x', 300, 50).ok).toBe(false);
  });
  it('cleans text: invisible characters, NFC, neutralised formulas restored', () => {
    expect(cellText(s('\uFEFF  Cafe\u0301\u200B '))).toBe('Café');
    expect(cellText(s("'=1+1"))).toBe('=1+1');
    expect(cellText({ v: 12345678901234 })).toBe('12345678901234');
  });
});

describe('formula-injection guard', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', "'=x", "''"])('neutralises %j reversibly', (text) => {
    const safe = neutralizeCell(text);
    expect(safe.startsWith("'")).toBe(true);
    expect(restoreCell(safe)).toBe(text);
  });
  it.each(['plain', "O'Brien", "'quoted", '', '1+1'])('leaves %j alone', (text) => {
    expect(neutralizeCell(text)).toBe(text);
    expect(restoreCell(text)).toBe(text);
  });
});
