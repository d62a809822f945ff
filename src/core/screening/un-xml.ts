/**
 * Importer for the UN Security Council Consolidated List (XML), in both layouts the UN has published
 * (indented, and one record per line with untrimmed values). Documents with a DTD or entity
 * declarations are refused before parsing: the official file has neither, and they are how XML files
 * smuggle in external content or expand into gigabytes.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ImportIssue, ImportResult, ListEntry } from './types';

const REPEATED = new Set([
  'INDIVIDUAL', 'ENTITY', 'INDIVIDUAL_ALIAS', 'ENTITY_ALIAS', 'INDIVIDUAL_ADDRESS', 'ENTITY_ADDRESS', 'VALUE',
  'INDIVIDUAL_DATE_OF_BIRTH', 'INDIVIDUAL_DOCUMENT', 'INDIVIDUAL_PLACE_OF_BIRTH', 'NATIONALITY', 'DESIGNATION',
  'TITLE', 'LAST_DAY_UPDATED',
]);

export interface UnListParse {
  readonly generatedAt: string;
  readonly publishedAt: string;
  readonly entries: ListEntry[];
}

type Node = Record<string, unknown>;

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '').replace(/\s+/g, ' ').trim();
const nodes = (v: unknown): Node[] => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]).filter((n): n is Node => typeof n === 'object' && n !== null);
const values = (v: unknown): string[] => nodes(v).flatMap((n) => (Array.isArray(n.VALUE) ? n.VALUE : [n.VALUE]).map(text)).filter(Boolean);
const unquote = (s: string) => s.replace(/^"(.*)"$/, '$1').trim();

/** True when the text declares a DTD or entities: refused, never parsed. */
export function hasDtd(xml: string): boolean {
  return /<!DOCTYPE|<!ENTITY/i.test(xml);
}

/** Parses the UN consolidated list; `file` names the input in problems. */
export function parseUnXml(xml: string, file: string): ImportResult<UnListParse> {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  if (hasDtd(xml)) return { value: null, errors: [{ file, message: 'the file declares a DTD or entities; such XML is refused (the official UN list has neither)' }], warnings };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { value: null, errors: [{ file, line: valid.err.line, message: `not well-formed XML: ${valid.err.msg}` }], warnings };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => REPEATED.has(name),
  });
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    return { value: null, errors: [{ file, message: `the XML cannot be read: ${(error as Error).message}` }], warnings };
  }
  const root = doc.CONSOLIDATED_LIST as Node | undefined;
  if (!root || typeof root !== 'object') return { value: null, errors: [{ file, message: 'not a UN consolidated list: the root element CONSOLIDATED_LIST is missing' }], warnings };
  const generatedAt = text(root['@_dateGenerated']);
  const publishedAt = /^\d{4}-\d{2}-\d{2}/.test(generatedAt) ? generatedAt.slice(0, 10) : '';
  if (!publishedAt) errors.push({ file, message: 'the list has no dateGenerated attribute: its publication date is unknown' });

  const entries: ListEntry[] = [];
  const seen = new Map<string, number>();
  let record = 0;
  const individuals = nodes((root.INDIVIDUALS as Node | undefined)?.INDIVIDUAL);
  const entities = nodes((root.ENTITIES as Node | undefined)?.ENTITY);
  for (const [kind, list] of [['individual', individuals], ['entity', entities]] as const) {
    for (const n of list) {
      record++;
      const ref = text(n.REFERENCE_NUMBER);
      const name = [n.FIRST_NAME, n.SECOND_NAME, n.THIRD_NAME, n.FOURTH_NAME].map(text).filter(Boolean).join(' ');
      const at = (message: string): ImportIssue => ({ file, record, message: `${kind === 'individual' ? 'INDIVIDUAL' : 'ENTITY'}${ref ? ` ${ref}` : ''}: ${message}` });
      if (!ref) errors.push(at('has no REFERENCE_NUMBER'));
      if (!name) errors.push(at('has no name'));
      if (!ref || !name) continue;
      if (seen.has(ref)) warnings.push(at(`repeats the reference number of record ${seen.get(ref)}; both are kept`));
      seen.set(ref, record);
      const listedOn = text(n.LISTED_ON).slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(listedOn)) warnings.push(at('has no LISTED_ON date'));
      entries.push(toEntry(n, kind, ref, name, /^\d{4}-\d{2}-\d{2}$/.test(listedOn) ? listedOn : ''));
    }
  }
  if (record === 0) errors.push({ file, message: 'the list has no INDIVIDUAL or ENTITY records' });
  return { value: errors.length ? null : { generatedAt, publishedAt, entries }, errors, warnings };
}

function toEntry(n: Node, kind: 'individual' | 'entity', ref: string, name: string, listedOn: string): ListEntry {
  const aliasNodes = nodes(kind === 'individual' ? n.INDIVIDUAL_ALIAS : n.ENTITY_ALIAS);
  const aliases = aliasNodes
    .map((a) => ({ name: unquote(text(a.ALIAS_NAME)), quality: text(a.QUALITY).toLowerCase() === 'low' ? 'weak' as const : 'strong' as const }))
    .filter((a) => a.name);
  const original = text(n.NAME_ORIGINAL_SCRIPT);
  if (original) aliases.push({ name: original, quality: 'strong' });
  const addressNodes = nodes(kind === 'individual' ? n.INDIVIDUAL_ADDRESS : n.ENTITY_ADDRESS);
  const addresses = addressNodes
    .map((a) => [a.STREET, a.CITY, a.STATE_PROVINCE, a.ZIP_CODE, a.COUNTRY, a.NOTE].map(text).filter(Boolean).join(', '))
    .filter(Boolean);
  const countries = [...new Set([...values(n.NATIONALITY), ...addressNodes.map((a) => text(a.COUNTRY)).filter(Boolean)])];
  const birthDates = nodes(n.INDIVIDUAL_DATE_OF_BIRTH)
    .map((d) => text(d.DATE) || text(d.YEAR) || [text(d.FROM_YEAR), text(d.TO_YEAR)].filter(Boolean).join('–'))
    .filter(Boolean);
  const designation = values(n.DESIGNATION);
  const remarks = [text(n.COMMENTS1), designation.length ? `Designation: ${designation.join('; ')}.` : ''].filter(Boolean).join(' ');
  const seen = new Set([name.toLowerCase()]);
  const uniqueAliases = aliases.filter((a) => (seen.has(a.name.toLowerCase()) ? false : (seen.add(a.name.toLowerCase()), true)));
  const program = text(n.UN_LIST_TYPE);
  return { ref, type: kind, name, aliases: uniqueAliases, programs: program ? [program] : [], listedOn, addresses, countries, birthDates, remarks };
}
