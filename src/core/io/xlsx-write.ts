/**
 * Writes workbooks for export: SheetJS builds the parts, then the archive is reopened to add what the
 * Community Edition cannot write (drop-downs, a frozen header) and zipped again with fixed timestamps
 * and a fixed part order, so the same data always gives the same bytes. Every text cell is
 * neutralised against formula injection on the way out.
 */
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { neutralizeCell } from './formula-guard';
import { freezeHeaderRow, insertDataValidations } from './sheet-xml';
import type { ListValidation } from './sheet-xml';

export type OutCell = string | number | boolean | null | undefined;

export interface SheetOut {
  readonly name: string;
  readonly rows: readonly (readonly OutCell[])[];
  /** Column widths in characters. */
  readonly widths?: readonly number[];
  readonly validations?: readonly ListValidation[];
  readonly freezeHeader?: boolean;
}

/** Fixed modification time for every part (the zip format's own epoch): reproducible bytes. */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Builds an .xlsx workbook from plain rows. Deterministic: equal input, equal bytes. */
export function writeWorkbook(sheets: readonly SheetOut[], title = ''): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const rows = sheet.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutralizeCell(cell) : cell ?? null)));
    const ws = XLSX.utils.aoa_to_sheet(rows as (string | number | boolean | null)[][], { sheetStubs: false });
    if (sheet.widths) ws['!cols'] = sheet.widths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(wb, ws, sheet.name);
  }
  if (title) wb.Props = { Title: title };
  const written = XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST: true, compression: false }) as ArrayBuffer;
  const parts = unzipSync(new Uint8Array(written));
  sheets.forEach((sheet, i) => {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    const part = parts[path];
    if (!part) throw new Error(`workbook part ${path} is missing`);
    let xml = strFromU8(part);
    if (sheet.freezeHeader) xml = freezeHeaderRow(xml);
    if (sheet.validations?.length) xml = insertDataValidations(xml, sheet.validations);
    parts[path] = strToU8(xml);
  });
  const ordered: Zippable = {};
  // [Content_Types].xml first, as Office writes it; then the rest in name order.
  for (const name of Object.keys(parts).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : 1))) {
    ordered[name] = [parts[name]!, { level: 6, mtime: ZIP_TIME }];
  }
  return zipSync(ordered);
}
