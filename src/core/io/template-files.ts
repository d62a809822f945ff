/**
 * Reading template files end to end: one workbook, or several CSV files (one per sheet), into a
 * template draft with every problem located by file, sheet, row and column.
 */
import type { Parsed } from './problems';
import { readSpreadsheet } from './spreadsheet-read';
import { combineWorkbooks, parseTemplate } from './template-parse';
import type { TemplateDraft } from './template-parse';
import type { RawWorkbook } from './raw-sheet';

export interface InputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Where reading has got to: `done` of `total` steps (one per file, then one for the sheets). */
export interface ReadProgress {
  readonly done: number;
  readonly total: number;
  /** The step about to run: "Reading Parties.csv", "Checking the sheets". */
  readonly step: string;
}

/**
 * Reads one workbook, or several CSV files (one per sheet), into a template draft with every
 * problem located. A file that cannot be read at all gives an empty draft and a file-level error.
 * `onProgress` is told before each step, so a caller off the interface thread can show it.
 */
export function readTemplateFiles(files: readonly InputFile[], onProgress?: (progress: ReadProgress) => void): Parsed<TemplateDraft> {
  const workbooks: RawWorkbook[] = [];
  const errors: Parsed<unknown>['errors'][number][] = [];
  const warnings: Parsed<unknown>['warnings'][number][] = [];
  const total = files.length + 1;
  for (const [i, file] of files.entries()) {
    onProgress?.({ done: i, total, step: `Reading ${file.name}` });
    const read = readSpreadsheet(file.bytes, file.name);
    // File-level problems name the file when several were given.
    const named = (p: (typeof read.errors)[number]) => (p.sheet === '' && files.length > 1 ? { ...p, message: `${file.name}: ${p.message}` } : p);
    errors.push(...read.errors.map(named));
    warnings.push(...read.warnings.map(named));
    if (read.value) workbooks.push(read.value);
  }
  if (!workbooks.length) return { value: { project: { fields: {}, origins: {} }, parties: [], links: [], workforce: [], sheets: {} }, errors, warnings };
  onProgress?.({ done: files.length, total, step: 'Checking the sheets' });
  const parsed = parseTemplate(combineWorkbooks(workbooks));
  return { value: parsed.value, errors: [...errors, ...parsed.errors], warnings: [...warnings, ...parsed.warnings] };
}
