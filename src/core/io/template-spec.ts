/**
 * The import template as data: its sheets, their columns, the synonyms accepted for each header, the
 * enumerated values offered in drop-downs and the help printed on the Instructions sheet. The
 * template writer, the importer and the exporters all read this one table, so they cannot disagree.
 */
import { CHANNELS, HOUSING, PARTY_KINDS, PASSPORT_HOLDERS, RELATIONS, TRISTATE, WAGE_PAYMENTS } from '../model';

/**
 * Values of the Kind column: the four party kinds, plus "worker" for a person who is a worker (kept
 * as kind person with the worker flag, so redacted reports keep pseudonymising them after a round trip).
 */
export const KIND_VALUES = [...PARTY_KINDS, 'worker'] as const;
export type KindValue = (typeof KIND_VALUES)[number];

/** The version of the template layout; printed on the Instructions sheet. */
export const TEMPLATE_VERSION = '1';

export type SheetKey = 'project' | 'parties' | 'links' | 'workforce';

export interface ColumnSpec {
  readonly key: string;
  readonly header: string;
  /** Other headers accepted for this column (compared after folding, see headerKey). */
  readonly synonyms: readonly string[];
  readonly required?: boolean;
  /** The closed list of values: a drop-down in the template, normalised on import. */
  readonly values?: readonly string[];
  readonly help: string;
  readonly example: string;
  /** Column width in characters in the generated template. */
  readonly width: number;
}

export interface SheetSpec {
  readonly key: SheetKey;
  readonly name: string;
  readonly synonyms: readonly string[];
  readonly help: string;
  readonly columns: readonly ColumnSpec[];
}

const col = (key: string, header: string, synonyms: string[], help: string, example: string, width = 16, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({ key, header, synonyms, help, example, width, ...extra });

/** The Project sheet is two columns, Field and Value; these are its fields (rows). */
export const PROJECT_FIELDS: readonly ColumnSpec[] = [
  col('name', 'Name', ['project', 'project name', 'title'], 'Name of the project.', 'Stadium East Stand', 30, { required: true }),
  col('site', 'Site', ['location', 'site address', 'city'], 'Where the work happens.', 'Lusail, Doha', 30),
  col('hostCountry', 'Country', ['host country', 'country code'], 'Host country: ISO 3166 code or English name.', 'QA'),
  col('client', 'Client', ['customer', 'owner', 'employer'], 'Who commissioned the work (a party ID or name links it to that party).', 'Gulf Stadia Authority', 30),
  col('startDate', 'Start date', ['start', 'from', 'begins'], 'YYYY-MM-DD.', '2026-01-15'),
  col('endDate', 'End date', ['end', 'to', 'ends', 'completion'], 'YYYY-MM-DD.', '2027-06-30'),
  col('description', 'Description', ['notes', 'scope', 'summary'], 'Scope of the work, free text.', 'East stand steel and facade', 40),
];

export const PROJECT_SHEET: SheetSpec = {
  key: 'project',
  name: 'Project',
  synonyms: ['project details', 'project info', 'projects'],
  help: 'One row per field: the Field column names the field, the Value column gives it.',
  columns: [
    col('field', 'Field', ['item', 'property', 'key'], 'One of the field names listed below.', 'Name', 18, { required: true }),
    col('value', 'Value', ['data', 'content'], 'The value of the field.', 'Stadium East Stand', 40),
  ],
};

export const PARTIES_SHEET: SheetSpec = {
  key: 'parties',
  name: 'Parties',
  synonyms: ['party', 'entities', 'companies', 'suppliers', 'contractors', 'subcontractors', 'organisations', 'organizations'],
  help: 'Every contractor, labour agency, crew, person and bank in the chain. One row per party.',
  columns: [
    col('ref', 'ID', ['party id', 'ref', 'reference', 'code', 'party code', 'supplier id', 'vendor id', 'id code'], 'Your reference code for the party, unique in the sheet. Links and Workforce rows use it. Kept as the party\'s reference code.', 'SUB-004', 12, { required: true }),
    col('name', 'Name', ['party name', 'company', 'company name', 'legal name', 'supplier', 'supplier name', 'entity', 'full name'], 'Legal or full name, in any script.', 'Al Noor Facades LLC', 32, { required: true }),
    col('kind', 'Kind', ['type', 'party type', 'entity type', 'category'], 'organization, person, workforce (a crew), bank, or worker (a person who is a worker: pseudonymised in redacted reports). Empty means organization.', 'organization', 14, { values: KIND_VALUES }),
    col('country', 'Country', ['country code', 'jurisdiction', 'country of registration', 'nationality'], 'ISO 3166 code or English name.', 'AE', 12),
    col('sector', 'Sector', ['industry', 'trade', 'activity', 'business'], 'What the party does.', 'Facade installation', 22),
    col('aliases', 'Aliases', ['alias', 'aka', 'also known as', 'other names', 'former names', 'trading names'], 'Other names, separated by ";".', 'Al-Nur Facade; النور للواجهات', 28),
    col('registrationNumber', 'Registration number', ['registration no', 'reg no', 'reg number', 'company number', 'registration', 'registry number', 'licence number', 'license number'], 'Company or licence number.', 'DED-778812', 18),
    col('address', 'Address', ['registered address', 'location', 'street address'], 'Registered or operating address.', 'Dubai Investment Park 2', 28),
    col('notes', 'Notes', ['note', 'comments', 'comment', 'remarks', 'description'], 'Anything else. Extra columns you add are kept here too.', '', 30),
  ],
};

export const LINKS_SHEET: SheetSpec = {
  key: 'links',
  name: 'Links',
  synonyms: ['link', 'relations', 'relationships', 'contracts', 'chain', 'edges'],
  help: 'Who subcontracts, supplies labour to, employs, pays, owns, recruits or banks with whom. One row per relation. '
    + 'Direction: the contractor awarding the work, the labour supplier, the employer, the payer, the owner, the recruiter or the account holder is From.',
  columns: [
    col('from', 'From', ['from id', 'from party', 'source', 'parent', 'awarding party', 'payer'], 'Party ID (from the Parties sheet) of the awarding, supplying, employing, paying, owning, recruiting or account-holding party.', 'GC-001', 12, { required: true }),
    col('to', 'To', ['to id', 'to party', 'target', 'child', 'receiving party', 'payee'], 'Party ID of the other party.', 'SUB-004', 12, { required: true }),
    col('relation', 'Relation', ['relationship', 'type', 'link type', 'relation type'], RELATIONS.join(', ') + '.', 'subcontracts', 16, { required: true, values: RELATIONS }),
    col('value', 'Value', ['amount', 'contract value', 'sum'], 'Contract or payment value, a number.', '1250000', 14),
    col('currency', 'Currency', ['ccy', 'currency code'], 'ISO 4217 code such as USD.', 'QAR', 10),
    col('sharePct', 'Share %', ['share', 'share pct', 'share percent', 'percentage', 'ownership', 'ownership %', 'stake'], 'Ownership or share, 0 to 100.', '', 10),
    col('channel', 'Channel', ['payment channel', 'payment method', 'method', 'how paid'], CHANNELS.join(', ') + '.', 'bank_transfer', 18, { values: CHANNELS }),
    col('startDate', 'Start', ['start date', 'from date', 'begins'], 'YYYY-MM-DD.', '2026-02-01', 12),
    col('endDate', 'End', ['end date', 'to date', 'ends'], 'YYYY-MM-DD.', '', 12),
    col('notes', 'Notes', ['note', 'comments', 'comment', 'remarks', 'description'], 'Anything else.', '', 30),
  ],
};

export const WORKFORCE_SHEET: SheetSpec = {
  key: 'workforce',
  name: 'Workforce',
  synonyms: ['workforces', 'workers', 'crews', 'crew', 'labour', 'labor'],
  help: 'Facts about each crew: one row per workforce party (Kind = workforce on the Parties sheet).',
  columns: [
    col('party', 'Party ID', ['id', 'party', 'crew id', 'workforce id', 'crew', 'workforce'], 'ID of a workforce party from the Parties sheet.', 'CREW-01', 12, { required: true }),
    col('nationality', 'Nationality', ['nationality code', 'country', 'origin', 'country of origin'], 'ISO 3166 code or name of the workers\' nationality.', 'NP', 12),
    col('headcount', 'Headcount', ['workers', 'number of workers', 'head count', 'count', 'size'], 'Number of workers, a whole number.', '40', 11),
    col('wagePayment', 'Wage payment', ['wages', 'wage payment method', 'how wages are paid', 'salary payment'], WAGE_PAYMENTS.join(', ') + '.', 'individual_account', 20, { values: WAGE_PAYMENTS }),
    col('passportsHeldBy', 'Passports held by', ['passports', 'passport holder', 'passport custody', 'passports held'], PASSPORT_HOLDERS.join(', ') + '.', 'worker', 18, { values: PASSPORT_HOLDERS }),
    col('individualContracts', 'Individual contracts', ['contracts', 'individual contract', 'employment contracts', 'signed contracts'], TRISTATE.join(', ') + '.', 'yes', 18, { values: TRISTATE }),
    col('housing', 'Housing', ['accommodation', 'lodging', 'camp'], HOUSING.join(', ') + '.', 'open', 12, { values: HOUSING }),
    col('visaType', 'Visa type', ['visa', 'permit', 'work permit', 'permit type'], 'Visa or permit category.', 'Work visa', 14),
    col('arrivalDate', 'Arrived', ['arrival', 'arrival date', 'arrived on', 'date arrived'], 'YYYY-MM-DD.', '2026-03-01', 12),
    col('notes', 'Notes', ['note', 'comments', 'comment', 'remarks', 'description'], 'Anything else.', '', 30),
  ],
};

/** The data sheets in the order the template writes them (after Instructions). */
export const DATA_SHEETS: readonly SheetSpec[] = [PROJECT_SHEET, PARTIES_SHEET, LINKS_SHEET, WORKFORCE_SHEET];

export const INSTRUCTIONS_SHEET_NAME = 'Instructions';

/**
 * The comparison key of a header or sheet name: case, accents, spacing and punctuation folded away,
 * "%" read as "pct", so "Share %", "share_pct" and "SHARE PCT" are one header.
 */
export function headerKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/%/g, ' pct ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Finds the column spec a header names, or undefined. */
export function matchColumn(sheet: SheetSpec | readonly ColumnSpec[], header: string): ColumnSpec | undefined {
  const key = headerKey(header);
  if (key === '') return undefined;
  const columns = 'columns' in sheet ? sheet.columns : sheet;
  return columns.find((c) => headerKey(c.header) === key || headerKey(c.key) === key)
    ?? columns.find((c) => c.synonyms.some((s) => headerKey(s) === key));
}

/** Finds the data sheet a sheet name (or CSV file name) stands for, or undefined. */
export function matchSheet(name: string): SheetSpec | undefined {
  const key = headerKey(name);
  return DATA_SHEETS.find((s) => headerKey(s.name) === key || s.synonyms.some((x) => headerKey(x) === key));
}
