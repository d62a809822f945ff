// Country normalisation: every ISO code and every name we know round-trips to its own code, the forms
// real files use (UN and OFAC lists, workbooks, foreign scripts) resolve, and bad input is an error value.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUNTRY_OPTIONS, countryName, countryOf, isCountryCode, normalizeCountry } from '../../../src/core/model';
import { COUNTRY_SYNONYMS, EXTRA_COUNTRIES, ISO_COUNTRIES } from '../../../src/core/model/country-table';
import { describeWithShared, sanctionsPath } from '../../support/shared';

const codeOf = (input: string): string | undefined => {
  const result = normalizeCountry(input);
  return 'code' in result ? result.code : undefined;
};

describe('country table', () => {
  it('holds the 249 ISO 3166-1 codes plus Kosovo, each once, with unique alpha-3 codes', () => {
    expect(ISO_COUNTRIES).toHaveLength(249);
    const codes = [...ISO_COUNTRIES, ...EXTRA_COUNTRIES].map((r) => r[0]);
    expect(new Set(codes).size).toBe(250);
    expect(new Set([...ISO_COUNTRIES, ...EXTRA_COUNTRIES].map((r) => r[1])).size).toBe(250);
    for (const [code, alpha3] of ISO_COUNTRIES) {
      expect(code).toMatch(/^[A-Z]{2}$/);
      expect(alpha3).toMatch(/^[A-Z]{3}$/);
    }
    for (const code of ['KP', 'KR', 'RU', 'CN', 'QA', 'AE', 'KW', 'GB', 'US', 'XK']) expect(isCountryCode(code)).toBe(true);
  });

  it('maps every display name, ISO name and synonym back to its own code (no name is shared)', () => {
    for (const [code, alpha3, name, names = []] of [...ISO_COUNTRIES, ...EXTRA_COUNTRIES]) {
      for (const n of [code, alpha3, name, ...names]) expect([n, codeOf(n)]).toEqual([n, code]);
    }
    for (const [code, names] of Object.entries(COUNTRY_SYNONYMS)) {
      expect(isCountryCode(code)).toBe(true);
      for (const n of names) expect([n, codeOf(n)]).toEqual([n, code]);
    }
  });

  it('offers every country once for pickers, sorted by name with accents ignored', () => {
    expect(COUNTRY_OPTIONS).toHaveLength(250);
    expect(new Set(COUNTRY_OPTIONS.map((c) => c.code)).size).toBe(250);
    const names = COUNTRY_OPTIONS.map((c) => c.name);
    expect(names.indexOf('Åland Islands')).toBe(names.indexOf('Afghanistan') + 1);
    expect(names.indexOf('Zimbabwe')).toBe(names.length - 1);
  });
});

describe('normalizeCountry', () => {
  it.each([
    ['Korea, North', 'KP'], ['North Korea', 'KP'], ['DPRK', 'KP'], ['D.P.R.K.', 'KP'], ["Democratic People's Republic of Korea", 'KP'],
    ["Korea, Democratic People's Republic of", 'KP'], ['Korea (the Democratic People’s Republic of)', 'KP'],
    ['Korea, South', 'KR'], ['Republic of Korea', 'KR'], ['Korea, Republic of', 'KR'], ['Korea (the Republic of)', 'KR'],
    ['Russia', 'RU'], ['Russian Federation', 'RU'], ['UAE', 'AE'], ['U.A.E.', 'AE'], ['United Arab Emirates', 'AE'],
    ['United Kingdom', 'GB'], ['UK', 'GB'], ['Great Britain', 'GB'], ['United Kingdom of Great Britain and Northern Ireland', 'GB'],
    ['Türkiye', 'TR'], ['Turkey', 'TR'], ['PRC', 'CN'], ["People's Republic of China", 'CN'], ['Viet Nam', 'VN'], ['Vietnam', 'VN'],
    ['Burma', 'MM'], ['Laos', 'LA'], ['Syrian Arab Republic', 'SY'], ['Iran (Islamic Republic of)', 'IR'],
    ['Congo, Democratic Republic of the', 'CD'], ['Congo, Republic of the', 'CG'], ['Bahamas, The', 'BS'], ['The Gambia', 'GM'],
    ['Man, Isle of', 'IM'], ['Virgin Islands, British', 'VG'], ['China, Hong Kong Special Administrative Region', 'HK'],
    ['St. Kitts and Nevis', 'KN'], ['Bosnia & Herzegovina', 'BA'], ['Kosovo', 'XK'],
  ])('maps %s to %s', (input, code) => {
    expect(normalizeCountry(input)).toEqual({ code });
  });

  it('ignores case, accents, apostrophe style and surrounding space', () => {
    for (const input of ['TÜRKIYE', 'turkiye', '  türkiye  ', 'TURKEY']) expect(codeOf(input)).toBe('TR');
    for (const input of ["Côte d'Ivoire", 'cote d’ivoire', 'COTE D IVOIRE', 'Ivory Coast']) expect(codeOf(input)).toBe('CI');
    for (const input of ['viet nam', 'VIỆT NAM', 'Viet-Nam']) expect(codeOf(input)).toBe('VN');
    expect(codeOf('curacao')).toBe('CW');
    expect(codeOf('REUNION')).toBe('RE');
  });

  it('accepts alpha-2 and alpha-3 codes in any case', () => {
    expect(normalizeCountry('kp')).toEqual({ code: 'KP' });
    expect(normalizeCountry('PRK')).toEqual({ code: 'KP' });
    expect(normalizeCountry('qat')).toEqual({ code: 'QA' });
    expect(normalizeCountry('usa')).toEqual({ code: 'US' });
  });

  it('reads names written in Hangul, Cyrillic, Arabic and Chinese', () => {
    expect(codeOf('조선민주주의인민공화국')).toBe('KP');
    expect(codeOf('북한')).toBe('KP');
    expect(codeOf('대한민국')).toBe('KR');
    expect(codeOf('Корейская Народно-Демократическая Республика')).toBe('KP');
    expect(codeOf('российская федерация')).toBe('RU');
    expect(codeOf('قطر')).toBe('QA');
    expect(codeOf('الإمارات العربية المتحدة')).toBe('AE');
    expect(codeOf('中华人民共和国')).toBe('CN');
  });

  it('refuses empty, ambiguous and dissolved names with a reason', () => {
    expect(normalizeCountry('   ')).toEqual({ error: 'No country given.', suggestions: [] });
    const korea = normalizeCountry('Korea');
    expect(korea).toMatchObject({ suggestions: [] });
    expect('error' in korea && korea.error).toMatch(/North Korea \(KP\) or South Korea \(KR\)/);
    const antilles = normalizeCountry('Netherlands Antilles');
    expect('error' in antilles && antilles.error).toMatch(/Curaçao \(CW\)/);
    expect(codeOf('Virgin Islands')).toBeUndefined();
    expect(codeOf('USSR')).toBeUndefined();
  });

  it('suggests close spellings for unknown names', () => {
    const result = normalizeCountry('Marocco');
    expect(result).toEqual({ error: 'Unknown country "Marocco"; did you mean Morocco (MA)?', suggestions: ['MA'] });
    expect(normalizeCountry('Germny')).toMatchObject({ suggestions: ['DE'] });
    expect(normalizeCountry('Atlantis')).toEqual({ error: 'Unknown country "Atlantis".', suggestions: [] });
  });

  it('never throws on hostile input and rejects overlong text', () => {
    // How long the longest input takes is a figure in `npm run bench -- guards`.
    for (const input of ['\u0000', '()', ',', '(,)', '🙂', 'a'.repeat(10_000), ', , ,', '((Korea))', 'the', 'st.', 'x'.repeat(199)]) {
      const result = normalizeCountry(input);
      expect('error' in result).toBe(true);
    }
  });
});

describe('countryName', () => {
  it('returns the display name, empty for empty, and the code itself when unknown', () => {
    expect(countryName('KP')).toBe('North Korea (DPRK)');
    expect(countryName('kp')).toBe('North Korea (DPRK)');
    expect(countryName('RU')).toBe('Russia');
    expect(countryName('TR')).toBe('Türkiye');
    expect(countryName('')).toBe('');
    expect(countryName('ZZ')).toBe('ZZ');
    expect(countryOf('QA')).toEqual({ code: 'QA', alpha3: 'QAT', name: 'Qatar' });
  });
});

describeWithShared('country strings in the real sanctions files', () => {
  it('maps every country written in the normalized designations file', () => {
    const records = JSON.parse(readFileSync(sanctionsPath('dprk-designations.json'), 'utf8')) as Array<{ country: string | null }>;
    const countries = [...new Set(records.map((r) => r.country).filter((c): c is string => !!c))];
    expect(countries.length).toBeGreaterThan(20);
    expect(countries.filter((c) => codeOf(c) === undefined)).toEqual([]);
  });

  it('maps every country in the full OFAC address file except regions and placeholders', () => {
    const text = readFileSync(sanctionsPath('full/ofac-2023-12-28/add.csv'), 'latin1');
    const countries = new Set<string>();
    for (const line of text.split('\r\n')) {
      // ent_num and add_num are bare numbers; address, city and country are quoted or the null token.
      const fields = line.match(/"[^"]*"|-0- /g);
      const country = fields?.[2]?.replace(/^"|"$/g, '').trim();
      if (country && country !== '-0-') countries.add(country);
    }
    expect(countries.size).toBeGreaterThan(150);
    const unmapped = [...countries].filter((c) => codeOf(c) === undefined).sort();
    expect(unmapped.filter((c) => !c.startsWith('Region:'))).toEqual(['Netherlands Antilles', 'undetermined']);
  });
});
