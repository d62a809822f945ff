/**
 * Normalisers for one cell each: text, numbers written the European or the English way, percentages,
 * dates (Excel serials, ISO, day.month.year, "3 March 2026"), enumerations with their labels and common
 * synonyms, countries, currencies and alias lists. Each returns a value or a reason, never throws.
 */
import { LABELS, normalizeCountry } from '../model';
import { restoreCell } from './formula-guard';
import type { RawCell } from './raw-sheet';
import { headerKey } from './template-spec';

export type Norm<T> = { readonly ok: true; readonly value: T; readonly warning?: string } | { readonly ok: false; readonly error: string };

const ok = <T>(value: T, warning?: string): Norm<T> => (warning ? { ok: true, value, warning } : { ok: true, value });
const fail = <T>(error: string): Norm<T> => ({ ok: false, error });

/** Quotes user text in a message, shortened so a huge cell never floods the problem list. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return `"${flat.length > 60 ? `${flat.slice(0, 57)}...` : flat}"`;
}

// Control characters other than tab and newline, zero-width characters and byte-order marks.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u2060\uFEFF]/g;

/** The cell as clean text: trimmed, NFC, invisible characters dropped, export neutralisation undone. */
export function cellText(cell: RawCell | undefined): string {
  if (!cell || cell.v === null) return '';
  let text: string;
  if (typeof cell.v === 'string') text = cell.v;
  else if (typeof cell.v === 'boolean') text = cell.v ? 'yes' : 'no';
  else text = cell.z && cell.w !== undefined ? cell.w : String(cell.v);
  return restoreCell(text.replace(INVISIBLE, '').normalize('NFC').trim());
}

/** Text with a length limit. */
export function normText(cell: RawCell | undefined, max: number): Norm<string> {
  const text = cellText(cell);
  if (text.length > max) return fail(`is ${text.length} characters long; at most ${max} are allowed`);
  return ok(text);
}

/** Parses "1,250,000.50", "1.250.000,50", "1 250 000", "1'250'000"; returns null for anything else. */
export function parseNumberText(input: string): number | null {
  let s = input.replace(/[\s\u00A0\u2009\u202F']/g, '');
  if (!/^[-+]?[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma !== -1 && lastDot !== -1) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    s = s.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma !== -1) {
    s = /^[-+]?\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, '') : s.split(',').length === 2 ? s.replace(',', '.') : '';
  } else if (lastDot !== -1 && s.split('.').length > 2) {
    s = /^[-+]?\d{1,3}(\.\d{3})+$/.test(s) ? s.replace(/\./g, '') : '';
  }
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A non-negative number, or null when the cell is empty. */
export function normAmount(cell: RawCell | undefined): Norm<number | null> {
  if (!cell || cell.v === null || cellText(cell) === '') return ok(null);
  const n = typeof cell.v === 'number' ? cell.v : parseNumberText(cellText(cell));
  if (n === null || !Number.isFinite(n)) return fail(`${quote(cellText(cell))} is not a number`);
  if (n < 0) return fail('must not be negative');
  return ok(n);
}

/** A whole number from 0 to `max`, or null when empty. */
export function normCount(cell: RawCell | undefined, max = 1_000_000): Norm<number | null> {
  const n = normAmount(cell);
  if (!n.ok || n.value === null) return n;
  if (!Number.isInteger(n.value)) return fail(`${n.value} is not a whole number`);
  if (n.value > max) return fail(`${n.value} is more than ${max.toLocaleString('en')}`);
  return n;
}

/** A share from 0 to 100: "35", "35%", or a cell formatted as a percentage holding 0.35. */
export function normPercent(cell: RawCell | undefined): Norm<number | null> {
  if (!cell || cell.v === null || cellText(cell) === '') return ok(null);
  let n: number | null;
  if (typeof cell.v === 'number') {
    n = cell.z?.includes('%') ? Math.round(cell.v * 100 * 1e9) / 1e9 : cell.v;
  } else {
    const text = cellText(cell);
    n = parseNumberText(text.replace(/\s*%$/, ''));
  }
  if (n === null) return fail(`${quote(cellText(cell))} is not a percentage`);
  if (n < 0 || n > 100) return fail(`${n} is outside 0 to 100`);
  if (n > 0 && n < 1 && typeof cell.v === 'number' && !cell.z?.includes('%')) {
    return ok(n, `read as ${n} %; if you meant ${Math.round(n * 1000) / 10} %, write that number`);
  }
  return ok(n);
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Builds YYYY-MM-DD when y-m-d is a real calendar date (no 30 February). */
function calendarDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > days ? null : `${y}-${pad(m)}-${pad(d)}`;
}

/** An Excel serial day number (1900 date system) as YYYY-MM-DD. */
export function serialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return calendarDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** True for number formats that show a date ("yyyy-mm-dd", "d/m/yy", "mmm d"). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === 'General') return false;
  const stripped = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(stripped) || /m{3,}/i.test(stripped);
}

/** A date as YYYY-MM-DD, or '' when empty. Ambiguous forms such as 03/04/2026 are refused. */
export function normDate(cell: RawCell | undefined): Norm<string> {
  if (!cell || cell.v === null) return ok('');
  if (typeof cell.v === 'number') {
    const date = serialToDate(cell.v);
    if (isDateFormat(cell.z) && date) return ok(date);
    if (date && cell.v >= 3653 && cell.v <= 73_415) return ok(date, `the number ${cell.v} was read as an Excel date, ${date}`);
    return fail(`${cell.v} is not a date; write it as YYYY-MM-DD`);
  }
  const text = cellText(cell);
  if (text === '') return ok('');
  const parsed = parseDateText(text);
  return parsed.ok ? parsed : fail(`${quote(text)} ${parsed.error}`);
}

function parseDateText(text: string): Norm<string> {
  const bad = fail<string>('is not a real date');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return calendarDate(+m[1]!, +m[2]!, +m[3]!) ? ok(calendarDate(+m[1]!, +m[2]!, +m[3]!)!) : bad;
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return calendarDate(+m[3]!, +m[2]!, +m[1]!) ? ok(calendarDate(+m[3]!, +m[2]!, +m[1]!)!) : bad;
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    const y = +m[3]!;
    if (a > 12 && b <= 12) return calendarDate(y, b, a) ? ok(calendarDate(y, b, a)!) : bad;
    if (b > 12 && a <= 12) return calendarDate(y, a, b) ? ok(calendarDate(y, a, b)!) : bad;
    if (a === b) return calendarDate(y, a, b) ? ok(calendarDate(y, a, b)!) : bad;
    return fail('could be day/month or month/day; write it as YYYY-MM-DD');
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4})$/.exec(text);
  if (m && MONTHS[m[2]!.toLowerCase()]) return calendarDate(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!) ? ok(calendarDate(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!)!) : bad;
  m = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  if (m && MONTHS[m[1]!.toLowerCase()]) return calendarDate(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!) ? ok(calendarDate(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!)!) : bad;
  return fail('is not a date; write it as YYYY-MM-DD');
}

/** Synonyms accepted for enumerated values, by value. Labels from the model are accepted too. */
export const VALUE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  organization: ['organisation', 'org', 'company', 'firm', 'business', 'corporation', 'entity', 'contractor', 'subcontractor', 'agency', 'supplier'],
  person: ['individual', 'natural person', 'human', 'people'],
  workforce: ['crew', 'team', 'workers', 'work crew', 'gang', 'labor', 'labor crew'],
  bank: ['financial institution', 'bank account'],
  subcontracts: ['subcontract', 'subcontracted to', 'subcontractor', 'contracts', 'awards'],
  supplies_labor: ['supplies labor', 'labor supply', 'labor supplier', 'supplies workers', 'supplies labor to', 'manpower supply'],
  employs: ['employ', 'employer', 'employer of'],
  pays: ['pay', 'payment', 'pays to', 'paid'],
  owns: ['own', 'owner', 'ownership', 'shareholder', 'owns shares in', 'parent of'],
  recruits: ['recruit', 'recruiter', 'recruitment', 'recruited'],
  banks_with: ['bank', 'banking', 'account', 'holds account at', 'account at'],
  bank_transfer: ['bank', 'wire', 'transfer', 'bank wire', 'swift'],
  team_leader: ['via team leader', 'foreman', 'minder', 'via minder', 'team lead'],
  third_party_account: ['third party', 'third party account', 'third-party'],
  crypto: ['cryptocurrency', 'crypto asset', 'bitcoin', 'usdt', 'virtual asset'],
  individual_account: ['bank account', 'own account', 'individual', 'bank', 'workers own account', 'worker account', 'direct deposit'],
  cash_to_worker: ['cash', 'cash to workers', 'cash in hand'],
  third_party: ['third party', 'third-party', 'third party account'],
  employer_held: ['employer', 'held by employer', 'withheld', 'retained by employer'],
  worker: ['workers', 'self', 'the worker', 'themselves', 'employee'],
  employer: ['company', 'the employer', 'contractor'],
  agency: ['recruiter', 'recruitment agency', 'labor agency', 'agent'],
  minder: ['team leader', 'foreman', 'supervisor', 'minders'],
  embassy: ['consulate', 'the embassy'],
  yes: ['y', 'true', '1', 'x', 'signed', 'oui', 'si', 'ja'],
  no: ['n', 'false', '0', 'none', 'not signed'],
  unknown: ['n/a', 'na', 'not known', 'unclear', 'unsure', 'tbc', 'tbd', 'dont know'],
  open: ['private', 'own housing', 'rented', 'free', 'open housing'],
  compound: ['guarded', 'camp', 'labor camp', 'closed', 'dormitory', 'barracks', 'compound guarded'],
};

const valueKey = (text: string) => headerKey(text).replace(/labour/g, 'labor');

/**
 * Maps written text to one of `values`: the value itself, its label, or a synonym, ignoring case,
 * spacing, punctuation and British/American spelling. Empty gives `fallback`.
 */
export function normEnum<T extends string>(cell: RawCell | undefined, values: readonly T[], fallback: T | null): Norm<T | null> {
  const text = cellText(cell);
  if (text === '') return ok(fallback);
  const key = valueKey(text);
  if (key === '') return text === '?' && (values as readonly string[]).includes('unknown') ? ok('unknown' as T) : fail(`${quote(text)} is not one of: ${values.join(', ')}`);
  for (const value of values) {
    if (valueKey(value) === key || valueKey(LABELS[value] ?? value) === key) return ok(value);
  }
  for (const value of values) {
    if ((VALUE_SYNONYMS[value] ?? []).some((s) => valueKey(s) === key)) return ok(value);
  }
  return fail(`${quote(text)} is not one of: ${values.join(', ')}`);
}

/** A country as its ISO 3166 alpha-2 code ('' when empty). */
export function normCountryCell(cell: RawCell | undefined): Norm<string> {
  const text = cellText(cell);
  if (text === '') return ok('');
  const result = normalizeCountry(text);
  return 'code' in result ? ok(result.code) : fail(result.error.replace(/\.$/, ''));
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { $: 'USD', 'US$': 'USD', '€': 'EUR', '£': 'GBP', '₩': 'KRW', '₽': 'RUB', '₹': 'INR' };

/** A currency as an ISO 4217 code ('' when empty). */
export function normCurrency(cell: RawCell | undefined): Norm<string> {
  const text = cellText(cell);
  if (text === '') return ok('');
  const code = CURRENCY_SYMBOLS[text] ?? text.toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? ok(code) : fail(`${quote(text)} is not an ISO 4217 currency code such as USD`);
}

/** Aliases separated by ";" (or line breaks within the cell), trimmed, without repeats or the name itself. */
export function normAliases(cell: RawCell | undefined, name: string, maxEach: number, maxCount: number): Norm<string[]> {
  const seen = new Set([name.toLowerCase()]);
  const out: string[] = [];
  for (const part of cellText(cell).split(/[;\n]/)) {
    const alias = part.trim();
    if (alias === '' || seen.has(alias.toLowerCase())) continue;
    if (alias.length > maxEach) return fail(`the alias ${quote(alias)} is ${alias.length} characters long; at most ${maxEach} are allowed`);
    seen.add(alias.toLowerCase());
    out.push(alias);
  }
  if (out.length > maxCount) return fail(`${out.length} aliases given; at most ${maxCount} are allowed`);
  return ok(out);
}

/** The comparison form of a party name for matching: case, accents, punctuation and legal-form spacing folded. */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
