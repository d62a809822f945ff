/**
 * The neutral shape every spreadsheet reader produces: sheets of rows of cells holding the values as
 * saved in the file (never recomputed), with the number format where it matters (dates, percentages).
 * Workbooks and CSV files both arrive here, so the template parser handles them alike.
 */

export type CellValue = string | number | boolean | null;

export interface RawCell {
  /** The saved value: text, number or boolean; null for an empty cell or a formula without a saved value. */
  readonly v: CellValue;
  /** The cell's number format when it is not General ("yyyy-mm-dd", "0%"). */
  readonly z?: string;
  /** The value as the spreadsheet displays it, when that differs from the raw value. */
  readonly w?: string;
  /** True when the cell held a formula: its saved value is used, the formula is never evaluated. */
  readonly formula?: boolean;
  /** A spreadsheet error value such as "#REF!" or "#N/A". */
  readonly error?: string;
}

export interface RawSheet {
  readonly name: string;
  /** Rows from the first row of the sheet; row index i is spreadsheet row i + 1. */
  readonly rows: readonly (readonly (RawCell | undefined)[])[];
}

export type SourceFormat = 'xlsx' | 'xls' | 'ods' | 'csv';

export interface RawWorkbook {
  readonly format: SourceFormat;
  readonly sheets: readonly RawSheet[];
}

/** True when a cell holds nothing (or only spaces). */
export function isBlank(cell: RawCell | undefined): boolean {
  if (!cell || cell.v === null) return !cell?.error;
  return typeof cell.v === 'string' && cell.v.trim() === '';
}

/** True when every cell of a row is blank. */
export function isBlankRow(row: readonly (RawCell | undefined)[] | undefined): boolean {
  return !row || row.every(isBlank);
}
