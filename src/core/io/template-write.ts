/**
 * Writes the import template: an Instructions sheet generated from the template table, then the
 * Project, Parties, Links and Workforce sheets with drop-downs on enumerated columns. Given a project
 * it writes the project into the same layout, which imports back into an identical project.
 */
import { APP_VERSION } from '../version';
import type { Party, ProjectSnapshot } from '../model';
import { IMPORT_LIMITS, formatBytes } from './limits';
import { columnLetter } from './problems';
import type { OutCell, SheetOut } from './xlsx-write';
import { writeWorkbook } from './xlsx-write';
import type { SheetSpec } from './template-spec';
import { DATA_SHEETS, INSTRUCTIONS_SHEET_NAME, LINKS_SHEET, PARTIES_SHEET, PROJECT_FIELDS, PROJECT_SHEET, TEMPLATE_VERSION, WORKFORCE_SHEET } from './template-spec';

/** Compares reference codes the way a person sorts them: "SUB-2" before "SUB-10". */
export function compareRefs(a: string, b: string): number {
  const split = (s: string) => s.toLowerCase().split(/(\d+)/).map((part, i) => (i % 2 ? Number(part) : part));
  const pa = split(a);
  const pb = split(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x !== y) return typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The workbook ID of every party: its reference code, or a generated "P-n" for parties that have
 * none (never clashing with an existing code).
 */
export function workbookIds(parties: readonly Party[]): Map<string, string> {
  const used = new Set(parties.filter((p) => p.ref).map((p) => p.ref.toLowerCase()));
  const ids = new Map<string, string>();
  let n = 1;
  for (const p of parties) {
    if (p.ref) {
      ids.set(p.id, p.ref);
      continue;
    }
    while (used.has(`p-${n}`)) n++;
    ids.set(p.id, `P-${n}`);
    used.add(`p-${n}`);
  }
  return ids;
}

function instructionsSheet(): SheetOut {
  const rows: OutCell[][] = [
    ['Subtier import template'],
    [`Template version ${TEMPLATE_VERSION}, written by Subtier ${APP_VERSION}.`],
    [],
    ['How to fill it in'],
    ['1. Fill the Project, Parties, Links and Workforce sheets. Keep the header row; column order does not matter and extra columns are kept as notes.'],
    ['2. Give every party an ID (your own reference code, unique in the file). Links and Workforce rows refer to parties by that ID.'],
    ['3. Dates as YYYY-MM-DD. Countries as ISO codes (QA, NP, KP) or English names. Columns with a drop-down accept the listed values.'],
    ['4. Check the file before importing: the app lists every problem by sheet, row and column, or run: npx subtier import-check FILE.xlsx'],
    ['5. Formulas are never calculated on import: the values saved in the file are read.'],
    [`Limits: files up to ${formatBytes(IMPORT_LIMITS.maxFileBytes)}, ${IMPORT_LIMITS.maxRowsPerSheet.toLocaleString('en')} rows per sheet, ${IMPORT_LIMITS.maxCellChars.toLocaleString('en')} characters per cell.`],
    [],
  ];
  const table = (spec: SheetSpec | { name: string; help: string; columns: SheetSpec['columns'] }, title: string) => {
    rows.push([`${title}: ${spec.help}`]);
    rows.push(['Column', 'Required', 'Allowed values', 'What to write', 'Example', 'Also accepted as header']);
    for (const c of spec.columns) rows.push([c.header, c.required ? 'yes' : '', c.values ? c.values.join(', ') : '', c.help, c.example, c.synonyms.join('; ')]);
    rows.push([]);
  };
  table(PROJECT_SHEET, 'Sheet "Project"');
  table({ name: 'Project fields', help: 'The fields to write in the Field column of the Project sheet.', columns: PROJECT_FIELDS }, 'Project fields');
  for (const spec of [PARTIES_SHEET, LINKS_SHEET, WORKFORCE_SHEET]) table(spec, `Sheet "${spec.name}"`);
  return { name: INSTRUCTIONS_SHEET_NAME, rows, widths: [24, 10, 40, 70, 22, 40] };
}

function dataSheet(spec: SheetSpec, body: readonly (readonly OutCell[])[]): SheetOut {
  const lastRow = IMPORT_LIMITS.maxRowsPerSheet + 1;
  return {
    name: spec.name,
    rows: [spec.columns.map((c) => c.header), ...body],
    widths: spec.columns.map((c) => c.width),
    freezeHeader: true,
    validations: spec.columns.flatMap((c, i) => (c.values ? [{ sqref: `${columnLetter(i)}2:${columnLetter(i)}${lastRow}`, values: c.values, title: c.header }] : [])),
  };
}

/** Rows of each data sheet for a project, in template column order. */
export function templateRows(snapshot: ProjectSnapshot): Record<'project' | 'parties' | 'links' | 'workforce', OutCell[][]> {
  const p = snapshot.project;
  const parties = [...snapshot.parties];
  const ids = workbookIds(parties);
  const idOf = (id: string) => ids.get(id) ?? id;
  parties.sort((a, b) => compareRefs(idOf(a.id), idOf(b.id)));
  const projectValues: Record<string, string> = { name: p.name, site: p.site, hostCountry: p.hostCountry, client: p.client, startDate: p.startDate, endDate: p.endDate, description: p.description };
  const links = [...snapshot.links].sort((a, b) => compareRefs(idOf(a.from), idOf(b.from)) || compareRefs(idOf(a.to), idOf(b.to)) || (a.relation < b.relation ? -1 : a.relation > b.relation ? 1 : 0));
  return {
    project: PROJECT_FIELDS.map((f) => [f.header, projectValues[f.key] ?? '']),
    parties: parties.map((x) => [idOf(x.id), x.name, x.kind === 'person' && x.isWorker ? 'worker' : x.kind, x.country, x.sector, x.aliases.join('; '), x.registrationNumber, x.address, x.notes]),
    links: links.map((l) => [idOf(l.from), idOf(l.to), l.relation, l.value, l.currency, l.sharePct, l.channel ?? '', l.startDate, l.endDate, l.notes]),
    workforce: parties.filter((x) => x.kind === 'workforce' && x.workforce).map((x) => {
      const w = x.workforce!;
      return [idOf(x.id), w.nationality, w.headcount, w.wagePayment, w.passportsHeldBy, w.individualContracts, w.housing, w.visaType, w.arrivalDate, w.notes];
    }),
  };
}

/**
 * The import template as .xlsx bytes: empty, or filled with `snapshot` (the template-format export).
 * Deterministic: the same project always gives the same bytes.
 */
export function writeTemplate(snapshot?: ProjectSnapshot): Uint8Array {
  const rows = snapshot ? templateRows(snapshot) : { project: PROJECT_FIELDS.map((f) => [f.header, '']), parties: [], links: [], workforce: [] };
  const sheets = DATA_SHEETS.map((spec) => dataSheet(spec, rows[spec.key]));
  // The Project sheet lists fields, not records: no drop-downs there.
  sheets[0] = { ...sheets[0]!, validations: [] };
  return writeWorkbook([instructionsSheet(), ...sheets], snapshot ? `Subtier project: ${snapshot.project.name}` : 'Subtier import template');
}
