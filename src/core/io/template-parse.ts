/**
 * Reads the sheets of a filled-in import template into drafts: one per row, with every value
 * normalised and every problem pinned to its cell. Cross-row and cross-sheet checks (unique IDs,
 * links to known parties, workforce rows on workforce parties) happen in import-plan.ts, where the
 * existing project is known too.
 */
import { CHANNELS, HOUSING, LIMITS, PASSPORT_HOLDERS, RELATIONS, TRISTATE, WAGE_PAYMENTS } from '../model';
import type { Channel, Housing, PartyKind, PassportHolder, Relation, Tristate, WagePayment } from '../model';
import type { Norm } from './normalize';
import {
  cellText, normAliases, normAmount, normCount, normCountryCell, normCurrency, normDate, normEnum, normPercent, normText,
} from './normalize';
import { ProblemCollector } from './problems';
import type { Parsed } from './problems';
import type { RawCell, RawSheet, RawWorkbook } from './raw-sheet';
import { headerFit, readTable } from './sheet-table';
import type { Table } from './sheet-table';
import type { SheetKey, SheetSpec } from './template-spec';
import { DATA_SHEETS, INSTRUCTIONS_SHEET_NAME, KIND_VALUES, PROJECT_FIELDS, PROJECT_SHEET, headerKey, matchColumn, matchSheet } from './template-spec';

/** Where a draft came from, for messages: the sheet, the row and the letter of each column. */
export interface RowOrigin {
  readonly sheet: string;
  readonly row: number;
  readonly columns: Readonly<Record<string, string>>;
}

export interface PartyDraft {
  readonly origin: RowOrigin;
  readonly ref: string;
  readonly name: string;
  /** null when the Kind cell was empty (organization for a new party, unchanged for a merged one). */
  readonly kind: PartyKind | null;
  readonly isWorker: boolean;
  readonly country: string;
  readonly sector: string;
  readonly aliases: readonly string[];
  readonly registrationNumber: string;
  readonly address: string;
  readonly notes: string;
  readonly valid: boolean;
}

export interface LinkDraft {
  readonly origin: RowOrigin;
  readonly from: string;
  readonly to: string;
  readonly relation: Relation | null;
  readonly value: number | null;
  readonly currency: string;
  readonly sharePct: number | null;
  readonly channel: Channel | null;
  readonly startDate: string;
  readonly endDate: string;
  readonly notes: string;
  readonly valid: boolean;
}

export interface WorkforceDraft {
  readonly origin: RowOrigin;
  readonly party: string;
  readonly nationality: string;
  readonly headcount: number | null;
  readonly wagePayment: WagePayment | null;
  readonly passportsHeldBy: PassportHolder | null;
  readonly individualContracts: Tristate | null;
  readonly housing: Housing | null;
  readonly visaType: string;
  readonly arrivalDate: string;
  readonly notes: string;
  readonly valid: boolean;
}

export type ProjectField = 'name' | 'site' | 'hostCountry' | 'client' | 'startDate' | 'endDate' | 'description';

export interface ProjectDraft {
  /** Only the fields the sheet gave a valid, non-empty value for. */
  readonly fields: Partial<Record<ProjectField, string>>;
  /** Where each field was found (for messages). */
  readonly origins: Partial<Record<ProjectField, { readonly sheet: string; readonly row: number; readonly column: string }>>;
}

export interface TemplateDraft {
  readonly project: ProjectDraft;
  readonly parties: readonly PartyDraft[];
  readonly links: readonly LinkDraft[];
  readonly workforce: readonly WorkforceDraft[];
  /** The sheet that was read for each part of the template. */
  readonly sheets: Partial<Record<SheetKey, string>>;
}

/** Reads cells of one row through the normalisers, reporting each problem at its cell. */
class RowReader {
  valid = true;
  constructor(private readonly table: Table, private readonly row: { row: number; cells: readonly (RawCell | undefined)[] }, private readonly problems: ProblemCollector) {}

  take<T>(key: string, norm: (cell: RawCell | undefined) => Norm<T>, fallback: T): T {
    const column = this.table.byKey.get(key);
    if (!column) return fallback;
    const cell = this.row.cells[column.index];
    if (cell?.error) return this.fail(key, cell.error, fallback);
    const result = norm(cell);
    if (!result.ok) return this.fail(key, result.error, fallback);
    if (result.warning) this.problems.warn(this.table.sheet, this.row.row, column.letter, `${column.header}: ${result.warning}`, column.header);
    return result.value;
  }

  fail<T>(key: string, message: string, fallback: T): T {
    const column = this.table.byKey.get(key);
    this.problems.error(this.table.sheet, this.row.row, column?.letter ?? null, `${column?.header ?? key}: ${message}`, column?.header);
    this.valid = false;
    return fallback;
  }

  /** The extra columns of this row as "Header: value" lines. */
  extras(): string {
    const lines: string[] = [];
    for (const column of this.table.extras) {
      const cell = this.row.cells[column.index];
      const text = cell?.error ? '' : cellText(cell);
      if (text) lines.push(`${column.header}: ${text}`);
    }
    return lines.join('\n');
  }

  /** Notes plus extra columns, within the notes length limit. */
  notes(): string {
    const own = this.take('notes', (c) => normText(c, LIMITS.longText), '');
    const combined = [own, this.extras()].filter(Boolean).join('\n');
    if (combined.length > LIMITS.longText) return this.fail('notes', `with the extra columns added the notes are ${combined.length} characters long; at most ${LIMITS.longText} are allowed`, own);
    return combined;
  }

  origin(): RowOrigin {
    return { sheet: this.table.sheet, row: this.row.row, columns: this.table.letters };
  }
}

const required = (max: number) => (cell: RawCell | undefined): Norm<string> => {
  const text = normText(cell, max);
  if (text.ok && text.value === '') return { ok: false, error: 'is required' };
  return text;
};

function readParties(table: Table, problems: ProblemCollector): PartyDraft[] {
  return table.rows.map((row) => {
    const r = new RowReader(table, row, problems);
    const ref = r.take('ref', required(100), '');
    const name = r.take('name', required(LIMITS.name), '');
    const kindValue = r.take('kind', (c) => normEnum(c, KIND_VALUES, null), null);
    const draft = {
      ref, name,
      kind: kindValue === 'worker' ? 'person' as const : kindValue,
      isWorker: kindValue === 'worker',
      country: r.take('country', normCountryCell, ''),
      sector: r.take('sector', (c) => normText(c, LIMITS.shortText), ''),
      aliases: r.take('aliases', (c) => normAliases(c, name, LIMITS.name, LIMITS.aliases), [] as string[]),
      registrationNumber: r.take('registrationNumber', (c) => normText(c, LIMITS.shortText), ''),
      address: r.take('address', (c) => normText(c, LIMITS.shortText), ''),
      notes: r.notes(),
    };
    return { ...draft, origin: r.origin(), valid: r.valid };
  });
}

function readLinks(table: Table, problems: ProblemCollector): LinkDraft[] {
  return table.rows.map((row) => {
    const r = new RowReader(table, row, problems);
    const draft = {
      from: r.take('from', required(100), ''),
      to: r.take('to', required(100), ''),
      relation: r.take('relation', (c) => {
        const v = normEnum(c, RELATIONS, null);
        return v.ok && v.value === null ? { ok: false, error: 'is required' } : v;
      }, null),
      value: r.take('value', normAmount, null),
      currency: r.take('currency', normCurrency, ''),
      sharePct: r.take('sharePct', normPercent, null),
      channel: r.take('channel', (c) => normEnum(c, CHANNELS, null), null),
      startDate: r.take('startDate', normDate, ''),
      endDate: r.take('endDate', normDate, ''),
      notes: r.notes(),
    };
    if (draft.from && draft.to && draft.from.toLowerCase() === draft.to.toLowerCase()) r.fail('to', 'a link cannot point from a party to itself', '');
    if (draft.startDate && draft.endDate && draft.endDate < draft.startDate) {
      problems.warn(table.sheet, row.row, table.byKey.get('endDate')?.letter ?? null, `End: ${draft.endDate} is before the start, ${draft.startDate}`);
    }
    return { ...draft, origin: r.origin(), valid: r.valid };
  });
}

function readWorkforce(table: Table, problems: ProblemCollector): WorkforceDraft[] {
  return table.rows.map((row) => {
    const r = new RowReader(table, row, problems);
    const draft = {
      party: r.take('party', required(100), ''),
      nationality: r.take('nationality', normCountryCell, ''),
      headcount: r.take('headcount', (c) => normCount(c), null),
      wagePayment: r.take('wagePayment', (c) => normEnum(c, WAGE_PAYMENTS, null), null),
      passportsHeldBy: r.take('passportsHeldBy', (c) => normEnum(c, PASSPORT_HOLDERS, null), null),
      individualContracts: r.take('individualContracts', (c) => normEnum(c, TRISTATE, null), null),
      housing: r.take('housing', (c) => normEnum(c, HOUSING, null), null),
      visaType: r.take('visaType', (c) => normText(c, LIMITS.shortText), ''),
      arrivalDate: r.take('arrivalDate', normDate, ''),
      notes: r.notes(),
    };
    return { ...draft, origin: r.origin(), valid: r.valid };
  });
}

const PROJECT_NORMS: Readonly<Record<ProjectField, (cell: RawCell | undefined) => Norm<string>>> = {
  name: (c) => normText(c, LIMITS.name),
  site: (c) => normText(c, LIMITS.shortText),
  hostCountry: normCountryCell,
  client: (c) => normText(c, LIMITS.name),
  startDate: normDate,
  endDate: normDate,
  description: (c) => normText(c, LIMITS.longText),
};

/**
 * The Project sheet: Field/Value rows. A sheet laid out the other way (field names across the first
 * row, values in the second) is read too.
 */
function readProject(sheet: RawSheet, problems: ProblemCollector): ProjectDraft {
  const fields: Partial<Record<ProjectField, string>> = {};
  const origins: ProjectDraft['origins'] = {};
  const extras: string[] = [];
  const put = (spec: { key: string; header: string } | undefined, label: string, cell: RawCell | undefined, row: number, column: string) => {
    if (!spec) {
      const text = cellText(cell);
      if (text) {
        extras.push(`${label}: ${text}`);
        problems.warn(sheet.name, row, column, `"${label}" is not a project field; its value is kept in the description`);
      }
      return;
    }
    const key = spec.key as ProjectField;
    if (cell?.error) return problems.error(sheet.name, row, column, `${spec.header}: ${cell.error}`);
    const result = PROJECT_NORMS[key](cell);
    if (!result.ok) return problems.error(sheet.name, row, column, `${spec.header}: ${result.error}`);
    if (result.warning) problems.warn(sheet.name, row, column, `${spec.header}: ${result.warning}`);
    if (result.value === '') return;
    if (fields[key] !== undefined) return problems.warn(sheet.name, row, column, `${spec.header} is given twice; the first value (row ${origins[key]!.row}) is used`);
    fields[key] = result.value;
    origins[key] = { sheet: sheet.name, row, column };
  };
  const tall = headerFit(sheet, PROJECT_SHEET.columns);
  const wide = headerFit(sheet, PROJECT_FIELDS);
  if (tall.complete || wide.matched < 2) {
    const table = readTable(sheet, PROJECT_SHEET.columns, problems);
    if (!table) return { fields, origins };
    const valueColumn = table.byKey.get('value');
    for (const row of table.rows) {
      const label = cellText(row.cells[table.byKey.get('field')!.index]);
      if (label === '') continue;
      put(matchColumn(PROJECT_FIELDS, label), label, valueColumn ? row.cells[valueColumn.index] : undefined, row.row, valueColumn?.letter ?? 'B');
    }
  } else {
    const table = readTable(sheet, PROJECT_FIELDS.map((c) => ({ ...c, required: false })), problems);
    const first = table?.rows[0];
    if (table && first) for (const column of table.columns) put(column.spec, column.header, first.cells[column.index], first.row, column.letter);
  }
  if (extras.length) {
    const description = [fields.description ?? '', ...extras].filter(Boolean).join('\n');
    if (description.length <= LIMITS.longText) fields.description = description;
  }
  return { fields, origins };
}

/**
 * Picks the sheet for each part of the template: by name (with synonyms), else by its headers (for
 * CSV files and renamed sheets). Sheets that are none of them are reported and skipped.
 */
function assignSheets(workbook: RawWorkbook, problems: ProblemCollector): Map<SheetKey, RawSheet> {
  const assigned = new Map<SheetKey, RawSheet>();
  const unnamed: RawSheet[] = [];
  for (const sheet of workbook.sheets) {
    if (headerKey(sheet.name) === headerKey(INSTRUCTIONS_SHEET_NAME)) continue;
    const spec = matchSheet(sheet.name);
    if (spec && !assigned.has(spec.key)) assigned.set(spec.key, sheet);
    else if (spec) problems.warn(sheet.name, null, null, `a second ${spec.name} sheet; only "${assigned.get(spec.key)!.name}" was read`);
    else unnamed.push(sheet);
  }
  for (const sheet of unnamed) {
    const fits = DATA_SHEETS
      .filter((s) => !assigned.has(s.key))
      .map((s: SheetSpec) => ({ spec: s, fit: headerFit(sheet, s.key === 'project' ? PROJECT_SHEET.columns : s.columns) }))
      .filter((x) => x.fit.complete && x.fit.matched >= 2)
      .sort((a, b) => b.fit.matched - a.fit.matched);
    const best = fits[0];
    if (best) {
      assigned.set(best.spec.key, sheet);
      if (workbook.format !== 'csv') problems.warn(sheet.name, null, null, `read as the ${best.spec.name} sheet, judging by its column headers`);
    } else if (!sheet.rows.every((row) => row.every((c) => !c || c.v === null))) {
      problems.warn(sheet.name, null, null, `not one of the template's sheets (${DATA_SHEETS.map((s) => s.name).join(', ')}); it was skipped`);
    }
  }
  return assigned;
}

/**
 * Reads a workbook (or the sheets of several CSV files) in the template's layout into drafts, with
 * every problem located by sheet, row and column. Never throws on file content.
 */
export function parseTemplate(workbook: RawWorkbook): Parsed<TemplateDraft> {
  const problems = new ProblemCollector();
  const assigned = assignSheets(workbook, problems);
  const sheets: Partial<Record<SheetKey, string>> = {};
  for (const [key, sheet] of assigned) sheets[key] = sheet.name;
  const projectSheet = assigned.get('project');
  const project = projectSheet ? readProject(projectSheet, problems) : { fields: {}, origins: {} };
  const table = (key: SheetKey) => {
    const sheet = assigned.get(key);
    return sheet ? readTable(sheet, DATA_SHEETS.find((s) => s.key === key)!.columns, problems) : null;
  };
  const partiesTable = table('parties');
  const linksTable = table('links');
  const workforceTable = table('workforce');
  if (!partiesTable && !linksTable && !workforceTable && !projectSheet) {
    problems.error('', null, null, `no template sheets found; the workbook needs a sheet named ${DATA_SHEETS.map((s) => `"${s.name}"`).join(', ')} (download the template to see the layout)`);
  }
  return problems.finish({
    project,
    parties: partiesTable ? readParties(partiesTable, problems) : [],
    links: linksTable ? readLinks(linksTable, problems) : [],
    workforce: workforceTable ? readWorkforce(workforceTable, problems) : [],
    sheets,
  });
}

/** Combines the sheets of several files (say, one CSV per sheet) into one workbook. */
export function combineWorkbooks(workbooks: readonly RawWorkbook[]): RawWorkbook {
  return { format: workbooks.every((w) => w.format === 'csv') ? 'csv' : workbooks[0]?.format ?? 'xlsx', sheets: workbooks.flatMap((w) => w.sheets) };
}
