/**
 * Reads untrusted spreadsheet bytes (xlsx, xlsm, xls, ods or CSV) into plain sheets of saved cell
 * values. The file is identified from its bytes before any parser runs, so encrypted workbooks, PDFs,
 * bundles, cut-off or damaged archives and zip bombs are refused with a message that says what to do.
 * Formulas are never evaluated: the value Excel saved with the file is read, or the cell is empty.
 */
import * as XLSX from '@e965/xlsx';
import { zipSync } from 'fflate';
import { readCsv } from './csv';
import { describeKind, sniffFile } from './file-sniff';
import { listZip, unzipEntries } from './zip-read';
import { IMPORT_LIMITS, formatBytes } from './limits';
import { ProblemCollector, columnLetter, fileError } from './problems';
import type { Parsed } from './problems';
import type { RawCell, RawSheet, RawWorkbook, SourceFormat } from './raw-sheet';
import { isDateFormat } from './normalize';

const ENCRYPTED = 'the workbook is protected with a password, so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear the field), save, and import it again';

/** The stem of a file name ("Parties (2).csv" → "Parties (2)"), used as the sheet name of a CSV file. */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.[^.]+$/, '') || 'CSV';
}

/**
 * Reads a spreadsheet file. `fileName` helps only to name the sheet of a CSV file; the format is
 * always judged from the bytes. The value is null when the file cannot be read at all.
 */
export function readSpreadsheet(bytes: Uint8Array, fileName = ''): Parsed<RawWorkbook | null> {
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    return fileError(null, `the file is ${formatBytes(bytes.length)}; files up to ${formatBytes(IMPORT_LIMITS.maxFileBytes)} are accepted. Split it into smaller workbooks`);
  }
  const kind = sniffFile(bytes);
  if (kind === 'empty') return fileError(null, 'the file is empty');
  if (kind === 'zip') {
    const listing = listZip(bytes, { maxEntries: IMPORT_LIMITS.maxZipEntries, maxUnpackedBytes: IMPORT_LIMITS.maxUnpackedBytes, maxEntryBytes: IMPORT_LIMITS.maxPartBytes });
    if (!listing.ok) return fileError(null, `not a readable workbook: ${listing.error}`);
    const names = new Set(listing.entries.map((e) => e.name));
    if (names.has('manifest.json') && names.has('project.json')) return fileError(null, 'this is a Subtier project bundle (.subtier), not a workbook; import it as a bundle');
    const format: SourceFormat | null = names.has('xl/workbook.xml') || names.has('xl/workbook.bin') ? 'xlsx' : names.has('content.xml') && names.has('mimetype') ? 'ods' : null;
    if (!format) return fileError(null, 'this is a zip archive (or a Word or PowerPoint file), not a workbook');
    // Inflate here first, each part capped at its declared size: SheetJS's own inflater can loop
    // forever on a damaged deflate stream (found by fuzzing) and trusts no limit. SheetJS then reads
    // the parts stored as is.
    const parts = unzipEntries(bytes, listing.entries);
    if (!parts.ok) return fileError(null, `the workbook is damaged and cannot be read: ${parts.error}. Open it in Excel and save it again`);
    let stored: Uint8Array;
    try {
      stored = zipSync(Object.fromEntries(parts.files), { level: 0 });
    } catch (error) {
      return fileError(null, `the workbook is damaged and cannot be read (${(error as Error).message}); open it in Excel and save it again`);
    }
    return parseWithSheetJs(stored, format);
  }
  if (kind === 'cfb') {
    let entries: string[];
    try {
      entries = (XLSX.CFB.read(bytes, { type: 'array' }).FullPaths as string[]).map((p: string) => p.split('/').filter(Boolean).pop() ?? '');
    } catch (error) {
      return fileError(null, `the file is damaged and cannot be read (${(error as Error).message})`);
    }
    if (entries.includes('EncryptedPackage') || entries.includes('EncryptionInfo')) return fileError(null, ENCRYPTED);
    if (!entries.includes('Workbook') && !entries.includes('Book')) return fileError(null, 'this is an Office document (Word, Outlook or PowerPoint), not a workbook');
    return parseWithSheetJs(bytes, 'xls');
  }
  if (kind === 'text') {
    const sheet = readCsv(bytes, fileStem(fileName));
    return { value: { format: 'csv', sheets: [sheet.value] }, errors: sheet.errors, warnings: sheet.warnings };
  }
  if (kind === 'xml' || kind === 'html') return fileError(null, `this is ${describeKind(kind)}, not a workbook; open it in Excel and save it as an .xlsx workbook`);
  return fileError(null, `this is ${describeKind(kind)}, not a spreadsheet; give an .xlsx workbook or a .csv file`);
}

function parseWithSheetJs(bytes: Uint8Array, format: SourceFormat): Parsed<RawWorkbook | null> {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'array', dense: true, cellFormula: true, cellNF: true, cellHTML: false, cellStyles: false, cellDates: false,
      // Reading stops a little after the limit: enough to tell a sheet that is too long.
      sheetRows: IMPORT_LIMITS.maxRowsPerSheet + 12,
      // Stubs keep formulas saved without a result visible, so they can be reported.
      sheetStubs: true, bookVBA: false, bookFiles: false, WTF: false,
    });
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (/password|encrypt/i.test(message)) return fileError(null, ENCRYPTED);
    return fileError(null, `the workbook is damaged and cannot be read (${message.slice(0, 200)})`);
  }
  const problems = new ProblemCollector();
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets: RawSheet[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    const rows: (RawCell | undefined)[][] = [];
    let filled = 0;
    let wideWarned = false;
    for (let r = 0; r < data.length; r++) {
      const source = data[r];
      if (!source) {
        rows.push([]);
        continue;
      }
      const row: (RawCell | undefined)[] = [];
      for (let c = 0; c < source.length; c++) {
        const cell = source[c];
        if (!cell) {
          row.push(undefined);
          continue;
        }
        if (c >= IMPORT_LIMITS.maxColumns) {
          if (!wideWarned && cell.v !== undefined && cell.v !== '') {
            problems.warn(name, r + 1, columnLetter(c), `only the first ${IMPORT_LIMITS.maxColumns} columns are read; this column and those after it were skipped`);
            wideWarned = true;
          }
          break;
        }
        row.push(toRawCell(cell, date1904));
      }
      if (row.some((c) => c && c.v !== null)) filled++;
      rows.push(row);
    }
    if (filled > IMPORT_LIMITS.maxRowsPerSheet + 1) {
      problems.error(name, null, null, `the sheet has more than ${IMPORT_LIMITS.maxRowsPerSheet.toLocaleString('en')} rows; split it into smaller workbooks`);
      continue;
    }
    sheets.push({ name, rows });
  }
  return problems.finish({ format, sheets });
}

function toRawCell(cell: XLSX.CellObject, date1904: boolean): RawCell {
  const formula = cell.f !== undefined && cell.f !== '' ? { formula: true } : {};
  switch (cell.t) {
    case 's': {
      const text = String(cell.v ?? '');
      if (text.length > IMPORT_LIMITS.maxCellChars) {
        return { v: null, error: `the text is ${text.length.toLocaleString('en')} characters long; a cell may hold at most ${IMPORT_LIMITS.maxCellChars.toLocaleString('en')}`, ...formula };
      }
      return { v: text, ...formula };
    }
    case 'n': {
      let v = Number(cell.v);
      const z = cell.z && cell.z !== 'General' ? String(cell.z) : undefined;
      if (date1904 && isDateFormat(z)) v += 1462;
      return { v, ...(z ? { z } : {}), ...(z && cell.w !== undefined ? { w: cell.w } : {}), ...formula };
    }
    case 'b':
      return { v: Boolean(cell.v), ...formula };
    case 'd':
      return { v: cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v), ...formula };
    case 'e':
      if (cell.v === undefined && cell.w === undefined) return { v: null, ...formula };
      return { v: null, error: `the cell shows the spreadsheet error ${cell.w ?? XLSX.SSF.format('General', cell.v ?? '')}`, ...formula };
    default:
      return { v: null, ...formula };
  }
}
