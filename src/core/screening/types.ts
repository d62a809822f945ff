/**
 * The shapes the screening engine works on: a sanctions list as plain data (bundled snapshot,
 * official file or an organisation's own watchlist), its entries, and the `{ value, errors,
 * warnings }` result every importer returns instead of throwing on untrusted files.
 */

export const LIST_SOURCES = ['UN', 'OFAC', 'custom'] as const;
export type ListSource = (typeof LIST_SOURCES)[number];

export const ENTRY_TYPES = ['individual', 'entity', 'vessel', 'aircraft'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** 'strong' aliases are the list's a.k.a./f.k.a. names; 'weak' are low-quality ones (UN "Low", OFAC remarks). */
export interface ListAlias {
  readonly name: string;
  readonly quality: 'strong' | 'weak';
}

export interface ListEntry {
  /** UN reference number (KPe.050), OFAC ent_num (20578) or a custom list's reference. */
  readonly ref: string;
  readonly type: EntryType;
  /** The primary name as the list writes it. */
  readonly name: string;
  readonly aliases: readonly ListAlias[];
  readonly programs: readonly string[];
  /** YYYY-MM-DD, or '' when the list does not say (OFAC's CSV has no listing dates). */
  readonly listedOn: string;
  readonly addresses: readonly string[];
  readonly countries: readonly string[];
  readonly birthDates: readonly string[];
  readonly remarks: string;
}

export type ListFormat = 'un-xml' | 'ofac-csv' | 'custom-csv' | 'custom-xlsx' | 'snapshot';

export interface ListFile {
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
}

export interface ListCounts {
  readonly entries: number;
  readonly individuals: number;
  readonly entities: number;
  readonly vessels: number;
  readonly aircraft: number;
  /** Names plus aliases: what the index holds. */
  readonly names: number;
}

/** One sanctions list or watchlist, with where it came from and when it was published. */
export interface ScreeningList {
  readonly id: string;
  readonly source: ListSource;
  /** "UN", "OFAC", or the custom list's name: what hits and the CLI print as the list. */
  readonly name: string;
  readonly format: ListFormat;
  /** Publication date from the file (YYYY-MM-DD), or '' when the file carries none. */
  readonly publishedAt: string;
  /** Full publication timestamp when the file gives one (UN dateGenerated). */
  readonly generatedAt: string;
  readonly importedAt: string;
  readonly files: readonly ListFile[];
  readonly counts: ListCounts;
  readonly programs: readonly string[];
  /** How the entries were chosen, when they are a selection of a larger file ('' for all of it). */
  readonly selection: string;
  /** Where the files came from, in words (publisher, download, copy). */
  readonly origin: string;
  readonly entries: readonly ListEntry[];
}

/** A problem found in an input file, located as precisely as the format allows. */
export interface ImportIssue {
  readonly file: string;
  /** 1-based line (CSV), record (XML: the n-th INDIVIDUAL/ENTITY) or row (spreadsheet). */
  readonly line?: number;
  readonly record?: number;
  readonly sheet?: string;
  readonly column?: string;
  readonly message: string;
}

export interface ImportResult<T> {
  /** Null when the errors make the input unusable: nothing is applied. */
  readonly value: T | null;
  readonly errors: readonly ImportIssue[];
  readonly warnings: readonly ImportIssue[];
}

/** Counts entries by type and names (primary + aliases). */
export function countEntries(entries: readonly ListEntry[]): ListCounts {
  let individuals = 0, entities = 0, vessels = 0, aircraft = 0, names = 0;
  for (const e of entries) {
    if (e.type === 'individual') individuals++;
    else if (e.type === 'entity') entities++;
    else if (e.type === 'vessel') vessels++;
    else aircraft++;
    names += 1 + e.aliases.length;
  }
  return { entries: entries.length, individuals, entities, vessels, aircraft, names };
}

/** Distinct programs of the entries, sorted. */
export function collectPrograms(entries: readonly ListEntry[]): string[] {
  return [...new Set(entries.flatMap((e) => e.programs))].sort();
}

/** Formats an issue for a terminal or a message box: "sdn.csv line 12, column Program: ...". */
export function formatIssue(issue: ImportIssue): string {
  const where = [
    issue.sheet ? `sheet ${issue.sheet}` : '',
    issue.line !== undefined ? `line ${issue.line}` : '',
    issue.record !== undefined ? `record ${issue.record}` : '',
    issue.column ? `column ${issue.column}` : '',
  ].filter(Boolean).join(', ');
  return `${issue.file}${where ? ` ${where}` : ''}: ${issue.message}`;
}
