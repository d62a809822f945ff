/**
 * Turns a raw sheet into a table: finds the header row (the first of the top ten rows that names the
 * required columns), maps each header to a template column by name or synonym, keeps unknown columns
 * as extras destined for Notes, and hands out the data rows with per-cell access and problem helpers.
 */
import { cellText } from './normalize';
import type { ProblemCollector } from './problems';
import { columnLetter } from './problems';
import type { RawCell, RawSheet } from './raw-sheet';
import { isBlank, isBlankRow } from './raw-sheet';
import type { ColumnSpec } from './template-spec';
import { matchColumn } from './template-spec';

const HEADER_SEARCH_ROWS = 10;

export interface TableColumn {
  readonly index: number;
  readonly letter: string;
  /** The header as written in the file. */
  readonly header: string;
  /** The template column it maps to, or undefined for an extra column. */
  readonly spec?: ColumnSpec;
}

export interface Table {
  readonly sheet: string;
  /** Spreadsheet row number of the header row. */
  readonly headerRow: number;
  readonly columns: readonly TableColumn[];
  /** The column for a template column key. */
  readonly byKey: ReadonlyMap<string, TableColumn>;
  readonly extras: readonly TableColumn[];
  /** The column letter of each template column key, shared by every row's origin. */
  readonly letters: Readonly<Record<string, string>>;
  /** Data rows with their spreadsheet row numbers; blank rows are skipped. */
  readonly rows: readonly { readonly row: number; readonly cells: readonly (RawCell | undefined)[] }[];
}

/** How many of the columns a row's cells name, and whether all required ones are there. */
function scoreHeader(cells: readonly (RawCell | undefined)[], columns: readonly ColumnSpec[]): { matched: number; complete: boolean } {
  const found = new Set<string>();
  for (const cell of cells) {
    const spec = matchColumn(columns, cellText(cell));
    if (spec) found.add(spec.key);
  }
  return { matched: found.size, complete: columns.every((c) => !c.required || found.has(c.key)) };
}

/** How well a sheet's header matches a column set: for recognising CSV files and unnamed sheets. */
export function headerFit(sheet: RawSheet, columns: readonly ColumnSpec[]): { matched: number; complete: boolean } {
  let best = { matched: 0, complete: false };
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, sheet.rows.length); r++) {
    const score = scoreHeader(sheet.rows[r] ?? [], columns);
    if (score.complete && !best.complete) return score;
    if (score.matched > best.matched) best = score;
  }
  return best;
}

/**
 * Reads a sheet as a table over `columns`. Returns null (with an error) when no header row is found
 * or a required column is missing.
 */
export function readTable(sheet: RawSheet, columns: readonly ColumnSpec[], problems: ProblemCollector): Table | null {
  let headerIndex = -1;
  let bestMatched = 0;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, sheet.rows.length); r++) {
    const score = scoreHeader(sheet.rows[r] ?? [], columns);
    if (score.complete && score.matched > 0) {
      headerIndex = r;
      break;
    }
    if (score.matched > bestMatched) {
      bestMatched = score.matched;
      headerIndex = r;
    }
  }
  const required = columns.filter((c) => c.required).map((c) => c.header);
  if (headerIndex === -1) {
    if (sheet.rows.every((row) => isBlankRow(row))) return null;
    problems.error(sheet.name, null, null, `no header row found in the first ${HEADER_SEARCH_ROWS} rows; the first row should name the columns (${columns.map((c) => c.header).join(', ')})`);
    return null;
  }
  const headerCells = sheet.rows[headerIndex] ?? [];
  const tableColumns: TableColumn[] = [];
  const byKey = new Map<string, TableColumn>();
  const extras: TableColumn[] = [];
  headerCells.forEach((cell, index) => {
    const header = cellText(cell);
    if (header === '') return;
    const letter = columnLetter(index);
    const spec = matchColumn(columns, header);
    if (spec && !byKey.has(spec.key)) {
      const column = { index, letter, header, spec };
      byKey.set(spec.key, column);
      tableColumns.push(column);
      return;
    }
    if (spec) problems.warn(sheet.name, headerIndex + 1, letter, `a second "${spec.header}" column; the first one (column ${byKey.get(spec.key)!.letter}) is used and this one is kept in Notes`, header);
    const column = { index, letter, header };
    extras.push(column);
    tableColumns.push(column);
  });
  const missing = columns.filter((c) => c.required && !byKey.has(c.key));
  if (missing.length) {
    problems.error(sheet.name, headerIndex + 1, null, `the required column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c.header}"`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing (required: ${required.join(', ')})`);
    return null;
  }
  const rows: { row: number; cells: readonly (RawCell | undefined)[] }[] = [];
  let formulas = 0;
  for (let r = headerIndex + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    for (const column of tableColumns) {
      const cell = cells[column.index];
      if (!cell?.formula) continue;
      formulas++;
      if (cell.v === null && !cell.error) problems.warn(sheet.name, r + 1, column.letter, `${column.header}: the cell holds a formula without a saved result, so it was read as empty (formulas are never calculated on import; open and save the file in Excel first)`, column.header);
    }
    if (tableColumns.every((column) => isBlank(cells[column.index]))) continue;
    rows.push({ row: r + 1, cells });
  }
  if (formulas) problems.warn(sheet.name, null, null, `${formulas} cell${formulas > 1 ? 's hold formulas' : ' holds a formula'}; the values saved in the file were read, formulas were not calculated`);
  for (const extra of extras) {
    if (rows.some((r) => !isBlank(r.cells[extra.index]))) problems.warn(sheet.name, headerIndex + 1, extra.letter, `"${extra.header}" is not a template column; its values are kept in Notes`, extra.header);
  }
  const letters: Record<string, string> = {};
  for (const [key, column] of byKey) letters[key] = column.letter;
  return { sheet: sheet.name, headerRow: headerIndex + 1, columns: tableColumns, byKey, extras, letters, rows };
}
