/**
 * Problems found while reading a file, each pinned to a cell: sheet, row (as the spreadsheet shows
 * it, from 1), column letter and the header it sits under. A collector caps the list so a broken
 * 50,000-row file cannot produce a million messages, and counts what it left out.
 */
import { IMPORT_LIMITS } from './limits';

export type Severity = 'error' | 'warning';

export interface ImportProblem {
  readonly severity: Severity;
  /** Sheet name ('' for problems with the file itself). */
  readonly sheet: string;
  /** Row number as the spreadsheet shows it (1 = first row), or null for sheet- or file-level problems. */
  readonly row: number | null;
  /** Column letter (A, B, ..., AA), or null when the problem is with the whole row or sheet. */
  readonly column: string | null;
  /** The column's header as written in the file, when known. */
  readonly header?: string;
  readonly message: string;
}

/** The result shape of every importer: a value, plus what went wrong and what looked odd. */
export interface Parsed<T> {
  readonly value: T;
  readonly errors: readonly ImportProblem[];
  readonly warnings: readonly ImportProblem[];
}

/** Column letter of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * One line per problem, as `sheet!row:column: message` (the CLI contract). Problems without a cell
 * shorten to `sheet!row: message` or `sheet: message`; file-level ones name the file.
 */
export function formatProblem(p: ImportProblem, file = ''): string {
  const where = p.sheet === ''
    ? file || 'file'
    : p.row === null
      ? p.sheet
      : p.column === null
        ? `${p.sheet}!${p.row}`
        : `${p.sheet}!${p.row}:${p.column}`;
  return `${where}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

/** Collects problems up to the limit; past it, only counts them. */
export class ProblemCollector {
  readonly errors: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];
  private droppedErrors = 0;
  private droppedWarnings = 0;

  constructor(private readonly limit: number = IMPORT_LIMITS.maxProblems) {}

  add(problem: ImportProblem): void {
    const list = problem.severity === 'error' ? this.errors : this.warnings;
    if (this.errors.length + this.warnings.length >= this.limit) {
      if (problem.severity === 'error') this.droppedErrors++;
      else this.droppedWarnings++;
      return;
    }
    list.push(problem);
  }

  error(sheet: string, row: number | null, column: string | null, message: string, header?: string): void {
    this.add({ severity: 'error', sheet, row, column, message, ...(header ? { header } : {}) });
  }

  warn(sheet: string, row: number | null, column: string | null, message: string, header?: string): void {
    this.add({ severity: 'warning', sheet, row, column, message, ...(header ? { header } : {}) });
  }

  get hasErrors(): boolean {
    return this.errors.length > 0 || this.droppedErrors > 0;
  }

  /** The collected problems, with a closing line saying how many were left out. */
  finish<T>(value: T): Parsed<T> {
    const errors = [...this.errors];
    const warnings = [...this.warnings];
    if (this.droppedErrors) errors.push({ severity: 'error', sheet: '', row: null, column: null, message: `${this.droppedErrors} more errors not listed (only the first ${this.limit} problems are shown)` });
    if (this.droppedWarnings) warnings.push({ severity: 'warning', sheet: '', row: null, column: null, message: `${this.droppedWarnings} more warnings not listed` });
    return { value, errors, warnings };
  }
}

/** A result with a single file-level error and no value. */
export function fileError<T>(value: T, message: string): Parsed<T> {
  return { value, errors: [{ severity: 'error', sheet: '', row: null, column: null, message }], warnings: [] };
}

/**
 * Orders problems the way a person reads the workbook: file-level first, then sheet by sheet in
 * `sheetOrder` (others after), row by row, keeping the found order within a row.
 */
export function sortProblems(problems: readonly ImportProblem[], sheetOrder: readonly string[]): ImportProblem[] {
  const order = ['', ...sheetOrder];
  const rank = (sheet: string) => (order.includes(sheet) ? order.indexOf(sheet) : order.length);
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p.sheet) - rank(b.p.sheet) || (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map((x) => x.p);
}
