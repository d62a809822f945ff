/**
 * Formula-injection defence for exported spreadsheets and CSV files. A cell whose text begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return can be run as a formula by Excel or LibreOffice when a
 * file is opened or re-saved as CSV, so exported text gets a leading apostrophe. The importer removes
 * exactly that apostrophe again, so an exported template reads back unchanged.
 */

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** True when text would be read as a formula (or a DDE payload) by a spreadsheet program. */
export function isFormulaLike(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text[0]!);
}

/**
 * Makes text safe to put into an exported cell: prefixes an apostrophe when the text starts with a
 * formula trigger, or already starts with an apostrophe (so the mapping stays reversible).
 */
export function neutralizeCell(text: string): string {
  if (isFormulaLike(text)) return `'${text}`;
  if (text.startsWith("'") && (isFormulaLike(text.slice(1)) || text.slice(1).startsWith("'"))) return `'${text}`;
  return text;
}

/** Undoes neutralizeCell on imported text; other text passes unchanged. */
export function restoreCell(text: string): string {
  if (text.startsWith("'")) {
    const rest = text.slice(1);
    if (isFormulaLike(rest) || rest.startsWith("'")) return rest;
  }
  return text;
}
