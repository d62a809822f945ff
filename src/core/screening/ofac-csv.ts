/**
 * Importer for OFAC's legacy SDN CSV files: sdn.csv (12 columns) with alt.csv (aliases) and add.csv
 * (addresses) beside it. No header row, CRLF line ends, `-0-` for an empty value, a 0x1A byte at the
 * end, several programs in one field ("NPWMD] [DPRK2"), weak aliases only in the remarks
 * (a.k.a. 'KOMID'). The files carry no publication date: the caller supplies it.
 */
import { decodeText, parseCsv } from '../io/csv';
import type { EntryType, ImportIssue, ImportResult, ListAlias, ListEntry } from './types';

export interface OfacFiles {
  readonly sdn: { readonly name: string; readonly bytes: Uint8Array };
  readonly alt?: { readonly name: string; readonly bytes: Uint8Array };
  readonly add?: { readonly name: string; readonly bytes: Uint8Array };
}

const NULL = '-0-';
const clean = (cell: string | undefined) => {
  const v = (cell ?? '').trim();
  return v === NULL ? '' : v.replace(/\s+/g, ' ');
};
const WEAK_ALIAS = /\b[afn]\.k\.a\. '(.+?)'(?=[;,.)]|\s*$)/g;

/** Splits the program field: "NPWMD] [DPRK2" → ["NPWMD", "DPRK2"]. */
export function splitPrograms(field: string): string[] {
  return field.split('] [').map((p) => p.replace(/^\[|\]$/g, '').trim()).filter(Boolean);
}

/** Reads the CSV trio into list entries, in sdn.csv order. */
export function parseOfacCsv(files: OfacFiles): ImportResult<ListEntry[]> {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const read = (f: { name: string; bytes: Uint8Array }, columns: number) => {
    const { text } = decodeText(f.bytes);
    const parsed = parseCsv(text);
    for (const p of parsed.problems) errors.push({ file: f.name, line: p.line, message: p.message });
    const rows = parsed.rows.filter((r) => {
      if (r.cells.length === columns) return true;
      errors.push({ file: f.name, line: r.line, message: `expected ${columns} columns, found ${r.cells.length}` });
      return false;
    });
    return rows;
  };

  const sdnRows = read(files.sdn, 12);
  if (sdnRows.length === 0 && errors.length === 0) errors.push({ file: files.sdn.name, message: 'the file has no SDN rows' });
  const byNum = new Map<string, { entry: MutableEntry; line: number }>();
  const order: MutableEntry[] = [];
  for (const r of sdnRows) {
    const c = r.cells.map(clean);
    const [num, name, sdnType, program, title, , , , , vessFlag, , remarks] = c as [string, string, string, string, string, string, string, string, string, string, string, string];
    if (!/^\d+$/.test(num)) {
      errors.push({ file: files.sdn.name, line: r.line, column: 'ent_num', message: `not an entry number: "${num}"` });
      continue;
    }
    if (!name) {
      errors.push({ file: files.sdn.name, line: r.line, column: 'SDN_Name', message: 'the name is empty' });
      continue;
    }
    if (byNum.has(num)) {
      errors.push({ file: files.sdn.name, line: r.line, column: 'ent_num', message: `entry ${num} appears twice (first on line ${byNum.get(num)!.line})` });
      continue;
    }
    const type: EntryType | undefined = sdnType === '' ? 'entity' : (['individual', 'vessel', 'aircraft'] as const).find((t) => t === sdnType.toLowerCase());
    if (!type) {
      errors.push({ file: files.sdn.name, line: r.line, column: 'SDN_Type', message: `unknown entry type "${sdnType}"` });
      continue;
    }
    const aliases: ListAlias[] = [...remarks.matchAll(WEAK_ALIAS)].map((m) => ({ name: m[1]!.trim(), quality: 'weak' }));
    const countries: string[] = [];
    const nationality = /(?:nationality|citizen) ([^;.]+(?:, North|, South)?)/.exec(remarks);
    if (nationality) countries.push(nationality[1]!.trim());
    if (vessFlag) countries.push(vessFlag);
    const birthDates = [...remarks.matchAll(/DOB ([^;]+?)(?=;|$)/g)].map((m) => m[1]!.trim());
    const entry: MutableEntry = {
      ref: num, type, name, aliases, programs: splitPrograms(program), listedOn: '', addresses: [], countries, birthDates,
      remarks: [title ? `Title: ${title}.` : '', remarks].filter(Boolean).join(' '),
    };
    byNum.set(num, { entry, line: r.line });
    order.push(entry);
  }

  // alt.csv aliases come first, in file order, then the weak aliases found in the remarks.
  const altAliases = new Map<string, ListAlias[]>();
  if (files.alt) {
    for (const r of read(files.alt, 5)) {
      const [num, , altType, altName] = r.cells.map(clean) as [string, string, string, string];
      const target = byNum.get(num);
      if (!target) {
        warnings.push({ file: files.alt.name, line: r.line, message: `alias for entry ${num}, which sdn.csv does not have; skipped` });
        continue;
      }
      if (!altName) continue;
      const quality = /weak/i.test(altType) ? 'weak' : 'strong';
      (altAliases.get(num) ?? altAliases.set(num, []).get(num)!).push({ name: altName, quality });
    }
  } else {
    warnings.push({ file: files.sdn.name, message: 'alt.csv was not given: aliases other than those in the remarks are missing' });
  }
  if (files.add) {
    for (const r of read(files.add, 6)) {
      const [num, , address, city, country] = r.cells.map(clean) as [string, string, string, string, string];
      const target = byNum.get(num);
      if (!target) {
        warnings.push({ file: files.add.name, line: r.line, message: `address for entry ${num}, which sdn.csv does not have; skipped` });
        continue;
      }
      const line = [address, city, country].filter(Boolean).join(', ');
      if (line) target.entry.addresses.push(line);
      if (country && !target.entry.countries.includes(country)) target.entry.countries.push(country);
    }
  } else {
    warnings.push({ file: files.sdn.name, message: 'add.csv was not given: addresses are missing' });
  }
  for (const e of order) {
    e.aliases = [...(altAliases.get(e.ref) ?? []), ...e.aliases];
    const seen = new Set([e.name.toLowerCase()]);
    e.aliases = e.aliases.filter((a) => (seen.has(a.name.toLowerCase()) ? false : (seen.add(a.name.toLowerCase()), true)));
  }
  return { value: errors.length ? null : order, errors, warnings };
}

type MutableEntry = { -readonly [K in keyof ListEntry]: ListEntry[K] extends readonly (infer T)[] ? T[] : ListEntry[K] };
