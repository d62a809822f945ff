/**
 * The one CSV reader, for workbook imports and list files alike: the text encoding is detected
 * (UTF-8 with or without a byte-order mark, UTF-16 either way round, else Windows-1252), quoted
 * fields follow RFC 4180 (line breaks and "" inside quotes), OFAC's trailing end-of-file byte 0x1A is
 * ignored, and malformed quoting is reported with the line it starts on instead of throwing.
 * `readCsv` reads a file as one sheet for the import template, within the import limits.
 */
import { IMPORT_LIMITS } from './limits';
import { ProblemCollector, columnLetter } from './problems';
import type { Parsed } from './problems';
import type { RawCell, RawSheet } from './raw-sheet';

export interface DecodedText {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/** Decodes text bytes, choosing the encoding from the byte-order mark or by trying UTF-8 strictly. */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  // UTF-16 without a byte-order mark: Latin text leaves every other byte zero.
  const sample = bytes.subarray(0, 2048);
  let nulEven = 0;
  let nulOdd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) nulOdd++;
    else nulEven++;
  }
  if (nulOdd > sample.length / 8 && nulEven === 0) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (nulEven > sample.length / 8 && nulOdd === 0) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

export interface CsvRow {
  /** 1-based line where the record starts. */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvParse {
  readonly rows: readonly CsvRow[];
  readonly problems: readonly { line: number; message: string }[];
  /** Where a quoted field that never closes starts (the rest of the text was read into it). */
  readonly unclosed?: { readonly row: number; readonly column: number; readonly line: number };
  /** Set when reading stopped at `maxRows` with more records to come. */
  readonly truncated?: boolean;
}

export interface CsvOptions {
  /** Keep records that are one empty cell (blank lines), so record numbers match the file's. */
  readonly keepBlankRows?: boolean;
  /** Stop after this many records. */
  readonly maxRows?: number;
}

/** Problems listed per file; a damaged file could otherwise produce one per character. */
const MAX_PROBLEMS = 1000;

/** Parses CSV text (RFC 4180 quoting, `""` for a quote inside a quoted field). */
export function parseCsv(text: string, delimiter = ',', options: CsvOptions = {}): CsvParse {
  const rows: CsvRow[] = [];
  const problems: { line: number; message: string }[] = [];
  const maxRows = options.maxRows ?? Infinity;
  let cells: string[] = [];
  let field = '';
  let line = 1, rowLine = 1, quoteLine = 1;
  let quoted = false, wasQuoted = false;
  let truncated = false;
  // Whether the unquoted field so far is only whitespace: tracked, because trimming a huge field at
  // every quote made hostile files take quadratic time (found by fuzzing).
  let blank = true;
  let dropped = 0;
  const problem = (at: number, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ line: at, message });
    else dropped++;
  };
  const end = text.endsWith('\u001a') ? text.length - 1 : text.length;
  const endField = () => {
    cells.push(field);
    field = '';
    wasQuoted = false;
    blank = true;
  };
  const endRow = () => {
    endField();
    const empty = cells.length === 1 && cells[0] === '';
    if (!empty || options.keepBlankRows) {
      if (rows.length < maxRows) rows.push({ line: rowLine, cells });
      else if (!empty) truncated = true;
    }
    cells = [];
  };
  for (let i = 0; i < end && !truncated; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (blank && !wasQuoted) {
        field = '';
        quoted = true;
        wasQuoted = true;
        quoteLine = line;
      } else {
        problem(line, 'a quote inside an unquoted value');
        field += ch;
        blank = false;
      }
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else if (ch === '\u001a' && i === end - 1) {
      // A stray end-of-file byte before a final newline.
    } else {
      if (wasQuoted && ch !== ' ') problem(line, 'text after a closing quote');
      field += ch;
      if (blank && ch.trim() !== '') blank = false;
    }
  }
  let unclosed: CsvParse['unclosed'];
  if (quoted) {
    unclosed = { row: rows.length, column: cells.length, line: quoteLine };
    problem(rowLine, 'a quoted value is never closed');
  }
  if (dropped) problems.push({ line, message: `${dropped} more problems of this kind not listed (only the first ${MAX_PROBLEMS} are)` });
  if (!truncated && (field !== '' || cells.length > 0)) endRow();
  return { rows, problems, ...(unclosed ? { unclosed } : {}), ...(truncated ? { truncated } : {}) };
}

/** The separator used by the first line: whichever of , ; and tab occurs most outside quotes. */
function guessSeparator(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  // A stable sort keeps the comma first among equals.
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

/**
 * Reads CSV bytes into one sheet named `sheetName`, the separator guessed from the header line.
 * Rows past the row limit and cells over the length limit are reported, never kept.
 */
export function readCsv(bytes: Uint8Array, sheetName: string): Parsed<RawSheet> {
  const problems = new ProblemCollector();
  const { text, encoding } = decodeText(bytes);
  if (encoding === 'windows-1252') problems.warn(sheetName, null, null, 'the file is not UTF-8; it was read as Windows-1252 (Western European). Save it as "CSV UTF-8" if names look wrong');
  const parsed = parseCsv(text, guessSeparator(text), { keepBlankRows: true, maxRows: IMPORT_LIMITS.maxRowsPerSheet + 1 });
  const cell = (value: string): RawCell => (value.length > IMPORT_LIMITS.maxCellChars
    ? { v: null, error: `the text is ${value.length.toLocaleString('en')} characters long; a cell may hold at most ${IMPORT_LIMITS.maxCellChars.toLocaleString('en')}` }
    : { v: value === '' ? null : value });
  const rows = parsed.rows.map((r) => r.cells.slice(0, IMPORT_LIMITS.maxColumns).map(cell));
  if (parsed.unclosed) {
    const { row, column, line } = parsed.unclosed;
    problems.error(sheetName, row + 1, columnLetter(column), `a quoted field that starts on line ${line} is never closed; the rest of the file was read into it`);
  }
  if (parsed.truncated) problems.error(sheetName, null, null, `the file has more than ${IMPORT_LIMITS.maxRowsPerSheet.toLocaleString('en')} rows; split it into smaller files`);
  return problems.finish({ name: sheetName, rows });
}
