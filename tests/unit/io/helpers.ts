// Builders for test workbooks: real .xlsx bytes written by SheetJS from rows, so the importer is
// exercised on the same kind of file a supplier sends.
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { sequentialIds, steppingClock } from '../../../src/core/model';
import { planImport, readTemplateFiles } from '../../../src/core/io';
import type { ImportOptions } from '../../../src/core/io';

export type Cell = string | number | boolean | null | XLSX.CellObject;

/** An .xlsx file with the given sheets; a cell may be a full SheetJS cell object (formulas, formats). */
export function workbook(sheets: Record<string, Cell[][]>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? null : c))));
    rows.forEach((r, ri) => r.forEach((c, ci) => {
      if (c !== null && typeof c === 'object') ws[XLSX.utils.encode_cell({ r: ri, c: ci })] = c;
    }));
    const width = Math.max(1, ...rows.map((r) => r.length));
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, rows.length - 1), c: width - 1 } });
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** The filled workbook used across tests: a small stadium chain, clean. */
export function stadiumSheets(): Record<string, Cell[][]> {
  return {
    Project: [['Field', 'Value'], ['Name', 'Stadium East Stand'], ['Site', 'Lusail'], ['Country', 'Qatar'], ['Client', 'GC-001'], ['Start date', '2026-01-15'], ['End date', '2027-06-30']],
    Parties: [
      ['ID', 'Name', 'Kind', 'Country', 'Sector', 'Aliases', 'Registration number', 'Address', 'Notes'],
      ['GC-001', 'Gulf Stadia Contracting', 'organization', 'QA', 'General contractor', '', 'CR-1001', 'Doha', ''],
      ['SUB-004', 'Al Noor Facades LLC', 'organization', 'AE', 'Facades', 'Al-Nur Facade; النور للواجهات', 'DED-778812', 'Dubai', ''],
      ['AG-007', 'Koryo Manpower Services', 'organization', 'RU', 'Labour supply', 'Корё', '', 'Vladivostok', ''],
      ['CREW-01', 'Facade crew 1', 'workforce', 'KP', '', '', '', '', ''],
      ['W-01', 'Worker A', 'worker', 'NP', '', '', '', '', 'interviewed'],
      ['BNK-1', 'Vostok Bank', 'bank', 'RU', 'Banking', '', '', '', ''],
    ],
    Links: [
      ['From', 'To', 'Relation', 'Value', 'Currency', 'Share %', 'Channel', 'Start', 'End', 'Notes'],
      ['GC-001', 'SUB-004', 'subcontracts', 1250000, 'QAR', null, 'bank_transfer', '2026-02-01', '', ''],
      ['SUB-004', 'AG-007', 'supplies_labor', null, '', null, 'cash', '', '', 'labour only'],
      ['AG-007', 'CREW-01', 'employs', null, '', null, 'team_leader', '', '', ''],
      ['AG-007', 'BNK-1', 'banks_with', null, '', null, '', '', '', ''],
    ],
    Workforce: [
      ['Party ID', 'Nationality', 'Headcount', 'Wage payment', 'Passports held by', 'Individual contracts', 'Housing', 'Visa type', 'Arrived', 'Notes'],
      ['CREW-01', 'KP', 40, 'team_leader', 'minder', 'no', 'compound', 'Work visa', '2026-03-01', ''],
    ],
  };
}

export const fixedOptions = (target: ImportOptions['target'] = { mode: 'new' }, onlyValidRows = false): ImportOptions =>
  ({ target, onlyValidRows, ids: sequentialIds(), clock: steppingClock('2026-05-01T00:00:00.000Z') });

/** Reads and plans a workbook into a new project. */
export function importBytes(bytes: Uint8Array, name = 'file.xlsx', options: ImportOptions = fixedOptions()) {
  return planImport(readTemplateFiles([{ name, bytes }]), options);
}

/**
 * Rewrites a part of an .xlsx archive: for files no spreadsheet program would write but an attacker
 * can (cells over Excel's length limit, formulas saved without a result).
 */
export function patchPart(bytes: Uint8Array, path: string, edit: (xml: string) => string): Uint8Array {
  const parts = unzipSync(bytes);
  parts[path] = strToU8(edit(strFromU8(parts[path]!)));
  return zipSync(parts);
}
