/**
 * Importer for an organisation's own watchlist, as CSV or XLSX (first sheet). One header row, then
 * one entry per row. Columns, matched by header name without regard to case, spaces or underscores:
 *   name (required) · ref (or id) · type (individual/person, entity/organization/company, vessel,
 *   aircraft; default entity) · aliases (separated by ";" or "|") · programs (";") · countries (";")
 *   · listed_on (YYYY-MM-DD) · address · remarks (or notes).
 * Unknown columns are reported as warnings and ignored. Rows without a ref get "row-N".
 */
import * as XLSX from '@e965/xlsx';
import { decodeText, parseCsv } from '../io/csv';
import type { EntryType, ImportIssue, ImportResult, ListEntry } from './types';

const COLUMN_NAMES: Readonly<Record<string, string>> = {
  name: 'name', ref: 'ref', id: 'ref', reference: 'ref', type: 'type', aliases: 'aliases', alias: 'aliases', aka: 'aliases',
  programs: 'programs', program: 'programs', countries: 'countries', country: 'countries', listedon: 'listedOn',
  listed: 'listedOn', date: 'listedOn', address: 'address', addresses: 'address', remarks: 'remarks', notes: 'remarks',
};

const TYPES: Readonly<Record<string, EntryType>> = {
  individual: 'individual', person: 'individual', entity: 'entity', organization: 'entity', organisation: 'entity',
  company: 'entity', vessel: 'vessel', ship: 'vessel', aircraft: 'aircraft', '': 'entity',
};

export interface CustomListParse {
  readonly entries: ListEntry[];
  /** The latest listed_on date in the file: the list's date when the caller gives none. */
  readonly latestListedOn: string;
}

const split = (v: string) => v.split(/[;|]/).map((s) => s.trim()).filter(Boolean);

/** Reads a table (header row first) into entries; `at(i)` gives the row number of table row i. */
function readTable(table: readonly (readonly string[])[], file: string, sheet: string | undefined, lineOf: (i: number) => number): ImportResult<CustomListParse> {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const header = (table[0] ?? []).map((h) => h.trim());
  const columns = header.map((h) => COLUMN_NAMES[h.toLowerCase().replace(/[\s_-]+/g, '')]);
  header.forEach((h, i) => {
    if (h && !columns[i]) warnings.push({ file, sheet, line: lineOf(0), column: h, message: 'unknown column, ignored' });
  });
  if (!columns.includes('name')) {
    return { value: null, errors: [{ file, sheet, line: lineOf(0), message: 'the header row has no "name" column (see the watchlist format)' }], warnings };
  }
  const entries: ListEntry[] = [];
  const refs = new Map<string, number>();
  let latest = '';
  for (let i = 1; i < table.length; i++) {
    const row = table[i]!;
    if (row.every((c) => c.trim() === '')) continue;
    const line = lineOf(i);
    const get = (key: string) => {
      const k = columns.indexOf(key);
      return k === -1 ? '' : (row[k] ?? '').replace(/\s+/g, ' ').trim();
    };
    const name = get('name');
    if (!name) {
      errors.push({ file, sheet, line, column: 'name', message: 'the name is empty' });
      continue;
    }
    const ref = get('ref') || `row-${line}`;
    if (refs.has(ref)) {
      errors.push({ file, sheet, line, column: 'ref', message: `reference "${ref}" is used twice (first on row ${refs.get(ref)})` });
      continue;
    }
    refs.set(ref, line);
    const typeText = get('type').toLowerCase();
    const type = TYPES[typeText];
    if (!type) {
      errors.push({ file, sheet, line, column: 'type', message: `unknown type "${typeText}" (use individual, entity, vessel or aircraft)` });
      continue;
    }
    let listedOn = get('listedOn');
    if (listedOn && !/^\d{4}-\d{2}-\d{2}$/.test(listedOn)) {
      warnings.push({ file, sheet, line, column: 'listed_on', message: `"${listedOn}" is not a date as YYYY-MM-DD; left empty` });
      listedOn = '';
    }
    if (listedOn > latest) latest = listedOn;
    const address = get('address');
    entries.push({
      ref, type, name,
      aliases: split(get('aliases')).filter((a) => a.toLowerCase() !== name.toLowerCase()).map((a) => ({ name: a, quality: 'strong' as const })),
      programs: split(get('programs')), listedOn, addresses: address ? [address] : [], countries: split(get('countries')),
      birthDates: [], remarks: get('remarks'),
    });
  }
  if (entries.length === 0 && errors.length === 0) errors.push({ file, sheet, message: 'the watchlist has no entries' });
  return { value: errors.length ? null : { entries, latestListedOn: latest }, errors, warnings };
}

/** Parses a CSV watchlist (comma or semicolon separated, detected from the header). */
export function parseCustomCsv(bytes: Uint8Array, file: string): ImportResult<CustomListParse> {
  const { text } = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parsed = parseCsv(text, delimiter);
  if (parsed.problems.length) {
    return { value: null, errors: parsed.problems.map((p) => ({ file, line: p.line, message: p.message })), warnings: [] };
  }
  const lines = parsed.rows.map((r) => r.line);
  return readTable(parsed.rows.map((r) => r.cells), file, undefined, (i) => lines[i] ?? i + 1);
}

/** Parses the first sheet of an XLSX watchlist. */
export function parseCustomXlsx(bytes: Uint8Array, file: string): ImportResult<CustomListParse> {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'array', cellDates: true, dense: true });
  } catch (error) {
    return { value: null, errors: [{ file, message: `not a readable spreadsheet: ${(error as Error).message}` }], warnings: [] };
  }
  const sheetName = workbook.SheetNames[0];
  const sheet = sheetName ? workbook.Sheets[sheetName] : undefined;
  if (!sheetName || !sheet) return { value: null, errors: [{ file, message: 'the workbook has no sheet' }], warnings: [] };
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: true, dateNF: 'yyyy-mm-dd' });
  const start = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1').s.r;
  const table = rows.map((r) => r.map((c) => String(c ?? '')));
  return readTable(table, file, sheetName, (i) => start + i + 1);
}
