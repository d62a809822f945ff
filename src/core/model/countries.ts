/**
 * Countries: turns what a file or a person writes for a country ("Korea, North", "DPRK", "Russian
 * Federation", "Türkiye", "조선") into an ISO 3166-1 alpha-2 code, and a code back into a name. Matching
 * ignores case, accents, punctuation, a leading "the" and the order around a comma, so sanctions lists,
 * workbooks and forms all land on the same code. Unknown input is an error value, never an exception.
 */
import { COUNTRY_SYNONYMS, EXTRA_COUNTRIES, ISO_COUNTRIES, UNMAPPED_COUNTRY_NAMES } from './country-table';
import type { CountryRow } from './country-table';

export interface Country {
  /** ISO 3166-1 alpha-2 code (XK for Kosovo). */
  readonly code: string;
  readonly alpha3: string;
  /** English short name as shown in the app. */
  readonly name: string;
}

/** A country code, or a message saying why the input maps to none, with likely intended codes. */
export type CountryResult =
  | { readonly code: string }
  | { readonly error: string; readonly suggestions: readonly string[] };

/** Longer input is not a country name; refusing it keeps hostile cells cheap. */
const MAX_INPUT = 200;

/** Abbreviations expanded word by word before comparison ("St Lucia", "Congo, Dem. Rep."). */
const WORD_EXPANSIONS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  rep: 'republic',
  dem: 'democratic',
  fed: 'federal',
  is: 'islands',
  isl: 'islands',
};

function fold(text: string): string {
  // NFKD splits accents (and Arabic hamza, Cyrillic breve) into marks that are dropped; NFC then
  // recomposes Hangul syllables so Korean keys stay short and comparable.
  return text.normalize('NFKD').replace(/[\p{M}\u0640]/gu, '').normalize('NFC').toLowerCase();
}

/** The comparison key: folded words, "the" dropped, abbreviations expanded, no separators. */
function keyOf(text: string): string {
  return fold(text)
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && w !== 'the')
    .map((w) => WORD_EXPANSIONS[w] ?? w)
    .join('');
}

/**
 * Keys to try for one written form, best first: as written; "A, B" read as "B A" ("Korea, Republic
 * of"); "A (B)" read as "B A" ("Iran (Islamic Republic of)"). The bare "A" of "A (B)" comes last and
 * only for input, since "Korea (the Republic of)" must not make plain "Korea" a name of either Korea.
 */
function candidateKeys(text: string, forInput: boolean): string[] {
  const keys = [keyOf(text)];
  const comma = /^([^,]+),([^,]+)$/.exec(text);
  if (comma) keys.push(keyOf(`${comma[2]} ${comma[1]}`));
  const paren = /^([^()]+)\(([^()]+)\)\s*$/.exec(text);
  if (paren) {
    keys.push(keyOf(`${paren[2]} ${paren[1]}`));
    if (forInput) keys.push(keyOf(paren[1]!));
  }
  return keys.filter((k, i) => k !== '' && keys.indexOf(k) === i);
}

const ALL_ROWS: readonly CountryRow[] = [...ISO_COUNTRIES, ...EXTRA_COUNTRIES];

const BY_CODE: ReadonlyMap<string, Country> = new Map(
  ALL_ROWS.map(([code, alpha3, name]) => [code, { code, alpha3, name }] as const),
);
const BY_ALPHA3: ReadonlyMap<string, string> = new Map(ALL_ROWS.map(([code, alpha3]) => [alpha3, code] as const));

const BY_KEY: ReadonlyMap<string, string> = (() => {
  const index = new Map<string, string>();
  const add = (name: string, code: string) => {
    for (const key of candidateKeys(name, false)) if (!index.has(key)) index.set(key, code);
  };
  // Display and ISO names first, so an informal synonym can never take over an official name.
  for (const [code, , name, names = []] of ALL_ROWS) for (const n of [name, ...names]) add(n, code);
  for (const [code, names] of Object.entries(COUNTRY_SYNONYMS)) for (const n of names) add(n, code);
  return index;
})();

const UNMAPPED: ReadonlyMap<string, string> = new Map(
  Object.entries(UNMAPPED_COUNTRY_NAMES).map(([name, hint]) => [keyOf(name), hint] as const),
);

/** Every country for pickers, sorted by name the way a person reads it (accents ignored). */
export const COUNTRY_OPTIONS: readonly Country[] = [...BY_CODE.values()].sort((a, b) => {
  const ka = fold(a.name);
  const kb = fold(b.name);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
});

/** True when `code` is a known alpha-2 code (upper case, as stored). */
export function isCountryCode(code: string): boolean {
  return BY_CODE.has(code);
}

/** The display name of a code; '' for '', and the code itself when it is not a known code. */
export function countryName(code: string): string {
  if (code === '') return '';
  return BY_CODE.get(code.trim().toUpperCase())?.name ?? code;
}

/** The full record of a code, or undefined. */
export function countryOf(code: string): Country | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

/**
 * Maps a written country to its alpha-2 code. Accepts alpha-2 and alpha-3 codes in any case, ISO
 * names, the forms the UN and OFAC lists use, common synonyms and names in Korean, Russian, Arabic and
 * Chinese. Returns `{ error, suggestions }` for empty, ambiguous ("Korea"), dissolved ("Netherlands
 * Antilles") and unknown input; suggestions are codes of close spellings.
 */
export function normalizeCountry(input: string): CountryResult {
  const text = input.trim();
  if (text === '') return { error: 'No country given.', suggestions: [] };
  if (text.length > MAX_INPUT) return { error: `Not a country: the text is ${text.length} characters long.`, suggestions: [] };
  if (/^[A-Za-z]{2}$/.test(text) && BY_CODE.has(text.toUpperCase())) return { code: text.toUpperCase() };
  if (/^[A-Za-z]{3}$/.test(text)) {
    const code = BY_ALPHA3.get(text.toUpperCase());
    if (code) return { code };
  }
  const keys = candidateKeys(text, true);
  for (const key of keys) {
    const code = BY_KEY.get(key);
    if (code) return { code };
  }
  for (const key of keys) {
    const hint = UNMAPPED.get(key);
    if (hint) return { error: `"${text}" does not name one country: ${hint}.`, suggestions: [] };
  }
  const suggestions = suggest(keys[0] ?? '');
  const hint = suggestions.length ? `; did you mean ${suggestions.map((c) => `${countryName(c)} (${c})`).join(' or ')}?` : '.';
  return { error: `Unknown country "${text}"${hint}`, suggestions };
}

/** Up to three codes whose names are within a small edit distance of the key. */
function suggest(key: string): string[] {
  if (key.length < 4) return [];
  const limit = Math.max(1, Math.floor(key.length / 5));
  const best = new Map<string, number>();
  for (const [candidate, code] of BY_KEY) {
    if (Math.abs(candidate.length - key.length) > limit) continue;
    const d = editDistance(key, candidate, limit);
    if (d <= limit && d < (best.get(code) ?? Infinity)) best.set(code, d);
  }
  return [...best.entries()]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([code]) => code);
}

/** Levenshtein distance, giving up (returning limit + 1) once every path exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}
