/**
 * CSV files as one sheet each: the text encoding is detected (UTF-8 with or without a byte-order mark,
 * UTF-16 either way round, else Windows-1252), the separator is guessed from the header line (comma,
 * semicolon or tab), and quoted fields follow RFC 4180, line breaks inside quotes included.
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
 * Reads CSV bytes into one sheet named `sheetName`. Rows past the row limit and cells over the
 * length limit are reported, never kept.
 */
export function readCsv(bytes: Uint8Array, sheetName: string): Parsed<RawSheet> {
  const problems = new ProblemCollector();
  const { text, encoding } = decodeText(bytes);
  if (encoding === 'windows-1252') problems.warn(sheetName, null, null, 'the file is not UTF-8; it was read as Windows-1252 (Western European). Save it as "CSV UTF-8" if names look wrong');
  const sep = guessSeparator(text);
  const rows: RawCell[][] = [];
  const maxRows = IMPORT_LIMITS.maxRowsPerSheet + 1;
  let row: RawCell[] = [];
  let field = '';
  let quoted = false;
  let fieldStartLine = 1;
  let line = 1;
  let overflow = false;

  const endField = () => {
    if (field.length > IMPORT_LIMITS.maxCellChars) {
      row.push({ v: null, error: `the text is ${field.length.toLocaleString('en')} characters long; a cell may hold at most ${IMPORT_LIMITS.maxCellChars.toLocaleString('en')}` });
    } else if (row.length < IMPORT_LIMITS.maxColumns) {
      row.push({ v: field === '' ? null : field });
    }
    field = '';
  };
  const endRow = () => {
    endField();
    if (rows.length >= maxRows) {
      if (row.some((c) => c.v !== null)) overflow = true;
    } else {
      rows.push(row);
    }
    row = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      fieldStartLine = line;
    } else if (ch === sep) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRow();
      if (overflow) break;
    } else field += ch;
  }
  if (quoted) problems.error(sheetName, rows.length + 1, columnLetter(row.length), `a quoted field that starts on line ${fieldStartLine} is never closed; the rest of the file was read into it`);
  if (field !== '' || row.length) endRow();
  if (overflow) problems.error(sheetName, null, null, `the file has more than ${IMPORT_LIMITS.maxRowsPerSheet.toLocaleString('en')} rows; split it into smaller files`);
  return problems.finish({ name: sheetName, rows });
}
