/**
 * A small CSV reader for list files: decodes the bytes (UTF-8 with or without BOM, UTF-16 by BOM,
 * else Windows-1252), accepts CRLF or LF, ignores the end-of-file byte 0x1A that OFAC's files end
 * with, and reports malformed quoting with the line it starts on instead of throwing.
 */

export interface CsvRow {
  /** 1-based line where the record starts. */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvParse {
  readonly rows: readonly CsvRow[];
  readonly problems: readonly { line: number; message: string }[];
  readonly encoding: string;
}

/** Decodes text bytes, telling which encoding was used. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8 (BOM)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** Problems listed per file; a damaged file could otherwise produce one per character. */
const MAX_PROBLEMS = 1000;

/** Parses CSV text (RFC 4180 quoting, `""` for a quote inside a quoted field). */
export function parseCsv(text: string, delimiter = ','): Omit<CsvParse, 'encoding'> {
  const rows: CsvRow[] = [];
  const problems: { line: number; message: string }[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1, rowLine = 1;
  let quoted = false, wasQuoted = false;
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
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < end; i++) {
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
  if (quoted) problem(rowLine, 'a quoted value is never closed');
  if (dropped) problems.push({ line, message: `${dropped} more problems of this kind not listed (only the first ${MAX_PROBLEMS} are)` });
  if (field !== '' || cells.length > 0) endRow();
  return { rows, problems };
}
