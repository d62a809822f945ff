/**
 * One entry point for every list import: detects the format of the given files (UN XML, the OFAC
 * CSV trio, a custom CSV/XLSX watchlist), runs the right importer, and wraps the entries with the
 * list's provenance: file names, SHA-256 of each file, publication date and counts. Either the
 * whole list comes back, or errors and no list.
 */
import { sha256Hex } from '../model/hash';
import { parseCustomCsv, parseCustomXlsx } from './custom-list';
import { decodeText } from '../io/csv';
import { parseOfacCsv } from './ofac-csv';
import { parseUnXml } from './un-xml';
import type { ImportIssue, ImportResult, ListEntry, ListFile, ListFormat, ListSource, ScreeningList } from './types';
import { collectPrograms, countEntries } from './types';

export interface ListFileInput {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type DetectedFormat = 'un-xml' | 'ofac-sdn' | 'ofac-alt' | 'ofac-add' | 'custom-csv' | 'custom-xlsx' | 'unknown';

export interface ImportListOptions {
  readonly id: string;
  readonly importedAt: string;
  /** Name of a custom list (default: the file name without extension). */
  readonly name?: string;
  /** Publication date for files that carry none (OFAC CSV, custom lists), YYYY-MM-DD. */
  readonly publishedAt?: string;
  readonly origin?: string;
}

/** Detects what a file is from its first bytes (and, for OFAC, its column count). */
export function detectFormat(file: ListFileInput): DetectedFormat {
  const b = file.bytes;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'custom-xlsx';
  const head = decodeText(b.subarray(0, 4096)).text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return /CONSOLIDATED_LIST/.test(head) ? 'un-xml' : 'unknown';
  const first = head.split(/\r?\n/)[0] ?? '';
  if (/^\d+,/.test(first)) {
    const cells = first.match(/("[^"]*"|[^,]*)(,|$)/g)?.filter((c) => c !== '').length ?? 0;
    if (cells === 12) return 'ofac-sdn';
    if (cells === 5) return 'ofac-alt';
    if (cells === 6) return 'ofac-add';
  }
  if (/\.(csv|txt)$/i.test(file.name) || /name/i.test(first)) return 'custom-csv';
  return 'unknown';
}

const baseName = (name: string) => name.replace(/^.*[\\/]/, '');

/** Imports a list from its files; all-or-nothing. */
export function importList(files: readonly ListFileInput[], options: ImportListOptions): ImportResult<ScreeningList> {
  if (files.length === 0) return { value: null, errors: [{ file: '', message: 'no file given' }], warnings: [] };
  const detected = files.map((f) => ({ file: f, format: detectFormat(f) }));
  const unknown = detected.find((d) => d.format === 'unknown');
  if (unknown) return { value: null, errors: [{ file: unknown.file.name, message: 'not a list file Subtier reads (UN XML, OFAC sdn.csv/alt.csv/add.csv, or a CSV/XLSX watchlist with a "name" column)' }], warnings: [] };
  const fileInfo: ListFile[] = files.map((f) => ({ name: baseName(f.name), sha256: sha256Hex(f.bytes), size: f.bytes.length }));
  const pick = (format: DetectedFormat) => detected.find((d) => d.format === format)?.file;

  let source: ListSource, format: ListFormat, name: string, publishedAt = options.publishedAt ?? '', generatedAt = '';
  let result: ImportResult<ListEntry[]>;
  const warnings: ImportIssue[] = [];
  const sdn = pick('ofac-sdn');
  if (pick('un-xml')) {
    if (files.length > 1) return { value: null, errors: [{ file: files[1]!.name, message: 'a UN list is one XML file; import other files separately' }], warnings: [] };
    const un = parseUnXml(decodeText(files[0]!.bytes).text, baseName(files[0]!.name));
    source = 'UN'; format = 'un-xml'; name = 'UN';
    publishedAt = un.value?.publishedAt ?? ''; generatedAt = un.value?.generatedAt ?? '';
    result = { value: un.value?.entries ?? null, errors: un.errors, warnings: un.warnings };
  } else if (sdn) {
    const named = (f: ListFileInput | undefined) => (f ? { name: baseName(f.name), bytes: f.bytes } : undefined);
    result = parseOfacCsv({ sdn: named(sdn)!, alt: named(pick('ofac-alt')), add: named(pick('ofac-add')) });
    source = 'OFAC'; format = 'ofac-csv'; name = 'OFAC';
    if (!publishedAt) warnings.push({ file: baseName(sdn.name), message: 'OFAC CSV files carry no publication date; none was given' });
  } else if (pick('ofac-alt') || pick('ofac-add')) {
    return { value: null, errors: [{ file: files[0]!.name, message: 'alt.csv and add.csv need the sdn.csv they belong to' }], warnings: [] };
  } else {
    if (files.length > 1) return { value: null, errors: [{ file: files[1]!.name, message: 'a watchlist is one file; import other files separately' }], warnings: [] };
    const f = files[0]!;
    const custom = detected[0]!.format === 'custom-xlsx' ? parseCustomXlsx(f.bytes, baseName(f.name)) : parseCustomCsv(f.bytes, baseName(f.name));
    source = 'custom'; format = detected[0]!.format === 'custom-xlsx' ? 'custom-xlsx' : 'custom-csv';
    name = (options.name ?? baseName(f.name).replace(/\.[^.]+$/, '')).trim() || 'Watchlist';
    if (!publishedAt) publishedAt = custom.value?.latestListedOn ?? '';
    result = { value: custom.value?.entries ?? null, errors: custom.errors, warnings: custom.warnings };
  }
  const allWarnings = [...result.warnings, ...warnings];
  if (!result.value) return { value: null, errors: result.errors, warnings: allWarnings };
  const entries = result.value;
  return {
    value: {
      id: options.id, source, name, format, publishedAt, generatedAt, importedAt: options.importedAt, files: fileInfo,
      counts: countEntries(entries), programs: collectPrograms(entries), selection: '', origin: options.origin ?? '', entries,
    },
    errors: [],
    warnings: allWarnings,
  };
}
