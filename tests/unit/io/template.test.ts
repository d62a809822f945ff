// The generated template: its sheets and columns, drop-downs Excel accepts (well-formed parts, elements
// in schema order), byte-for-byte determinism, and the round trip project → template → project.
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/shared';
import { DATA_SHEETS, readTemplateFiles, planImport, writeTemplate } from '../../../src/core/io';
import { sequentialIds, steppingClock } from '../../../src/core/model';
import type { ProjectSnapshot } from '../../../src/core/model';
import { importBytes, stadiumSheets, workbook } from './helpers';

/** CT_Worksheet's child elements in the order ECMA-376 part 1 (18.3.1.99) requires. */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

describe('the import template', () => {
  const bytes = writeTemplate();
  const parts = unzipSync(bytes);

  it('has an Instructions sheet, then Project, Parties, Links and Workforce with the issue\'s columns', () => {
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['Instructions', 'Project', 'Parties', 'Links', 'Workforce']);
    const header = (name: string) => (XLSX.utils.sheet_to_json<string[]>(wb.Sheets[name]!, { header: 1 })[0] ?? []);
    expect(header('Project')).toEqual(['Field', 'Value']);
    expect(XLSX.utils.sheet_to_json<string[]>(wb.Sheets.Project!, { header: 1 }).slice(1).map((r) => r[0])).toEqual(['Name', 'Site', 'Country', 'Client', 'Start date', 'End date', 'Description']);
    expect(header('Parties')).toEqual(['ID', 'Name', 'Kind', 'Country', 'Sector', 'Aliases', 'Registration number', 'Address', 'Notes']);
    expect(header('Links')).toEqual(['From', 'To', 'Relation', 'Value', 'Currency', 'Share %', 'Channel', 'Start', 'End', 'Notes']);
    expect(header('Workforce')).toEqual(['Party ID', 'Nationality', 'Headcount', 'Wage payment', 'Passports held by', 'Individual contracts', 'Housing', 'Visa type', 'Arrived', 'Notes']);
    const instructions = XLSX.utils.sheet_to_json<string[]>(wb.Sheets.Instructions!, { header: 1 }).flat().join('\n');
    expect(instructions).toMatch(/subcontracts, supplies_labor, employs, pays, owns, recruits, banks_with/);
    expect(instructions).toMatch(/import-check/);
  });

  it('puts drop-downs on every enumerated column, and only there', () => {
    const validations: Record<string, string[]> = {};
    DATA_SHEETS.forEach((spec, i) => {
      const xml = strFromU8(parts[`xl/worksheets/sheet${i + 2}.xml`]!);
      validations[spec.name] = [...xml.matchAll(/<dataValidation [^>]*sqref="([A-Z]+)2:[A-Z]+50001"[^>]*><formula1>"([^<]*)"<\/formula1>/g)].map((m) => `${m[1]}=${m[2]}`);
    });
    expect(validations).toEqual({
      Project: [],
      Parties: ['C=organization,person,workforce,bank,worker'],
      Links: ['C=subcontracts,supplies_labor,employs,pays,owns,recruits,banks_with', 'G=bank_transfer,cash,team_leader,third_party_account,crypto,other,unknown'],
      Workforce: ['D=individual_account,cash_to_worker,team_leader,third_party,employer_held,unknown', 'E=worker,employer,agency,minder,embassy,unknown', 'F=yes,no,unknown', 'G=open,compound,unknown'],
    });
  });

  it('writes well-formed parts with worksheet elements in schema order', () => {
    for (const [name, data] of Object.entries(parts)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      expect(XMLValidator.validate(strFromU8(data)), name).toBe(true);
    }
    const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: true });
    for (let i = 1; i <= 5; i++) {
      const doc = parser.parse(strFromU8(parts[`xl/worksheets/sheet${i}.xml`]!)) as Record<string, unknown[]>[];
      const worksheet = doc.find((n) => 'worksheet' in n)!.worksheet as Record<string, unknown>[];
      const children = worksheet.map((n) => Object.keys(n)[0]!);
      const positions = children.map((c) => WORKSHEET_ORDER.indexOf(c));
      expect(positions.every((p) => p >= 0), children.join()).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });

  it('freezes the header row of the data sheets', () => {
    const xml = strFromU8(parts['xl/worksheets/sheet3.xml']!);
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
  });

  it('is byte-for-byte the same every time', () => {
    expect(Buffer.from(writeTemplate()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('imports clean when empty, with nothing to import', () => {
    const plan = importBytes(bytes, 'template.xlsx');
    expect(plan.errors).toEqual([]);
    expect(plan.canApply).toBe(false);
  });
});

/** A snapshot without ids and timestamps, parties and links keyed by reference codes. */
function comparable(s: ProjectSnapshot) {
  const ref = new Map(s.parties.map((p) => [p.id, p.ref] as const));
  const { id: _i, createdAt: _c, updatedAt: _u, ...project } = s.project;
  return {
    project,
    parties: s.parties.map(({ id: _a, createdAt: _b, updatedAt: _d, projectId: _e, ...p }) => p).sort((a, b) => (a.ref < b.ref ? -1 : 1)),
    links: s.links.map(({ id: _a, createdAt: _b, updatedAt: _d, projectId: _e, ...l }) => ({ ...l, from: ref.get(l.from), to: ref.get(l.to) })).sort((a, b) => `${a.from}${a.to}${a.relation}${a.startDate}`.localeCompare(`${b.from}${b.to}${b.relation}${b.startDate}`)),
  };
}

describe('template-format export', () => {
  it('round-trips: workbook → project → template → identical project', () => {
    const first = importBytes(workbook(stadiumSheets()), 'stadium.xlsx');
    expect(first.errors).toEqual([]);
    const exported = writeTemplate(first.result);
    const second = planImport(readTemplateFiles([{ name: 'export.xlsx', bytes: exported }]), { target: { mode: 'new' }, ids: sequentialIds(500), clock: steppingClock('2027-01-01T00:00:00.000Z') });
    expect(second.errors).toEqual([]);
    expect(second.warnings).toEqual([]);
    expect(comparable(second.result)).toEqual(comparable(first.result));
    // The worker flag and the client flag survive too.
    expect(second.result.parties.find((p) => p.ref === 'W-01')).toMatchObject({ kind: 'person', isWorker: true });
    expect(second.result.parties.find((p) => p.ref === 'GC-001')).toMatchObject({ isClient: true });
    // And exporting the re-imported project gives the same bytes.
    expect(Buffer.from(writeTemplate(second.result)).equals(Buffer.from(exported))).toBe(true);
  });

  it('round-trips the whole demo project, repeated payments between the same parties included', () => {
    const demo = JSON.parse(readFileSync(`${REPO_ROOT}/assets/samples/stadium-demo.json`, 'utf8')) as ProjectSnapshot;
    const plan = planImport(readTemplateFiles([{ name: 'demo.xlsx', bytes: writeTemplate(demo) }]), { target: { mode: 'new' }, ids: sequentialIds(900), clock: steppingClock('2027-01-01T00:00:00.000Z') });
    expect(plan.errors).toEqual([]);
    expect(plan.result.links).toHaveLength(demo.links.length);
    const { project: _p1, ...imported } = comparable(plan.result);
    const { project: _p2, ...original } = comparable(demo);
    expect(imported.links).toEqual(original.links);
    expect(imported.parties.map((p) => p.ref)).toEqual(original.parties.map((p) => p.ref));
  });

  it('round-trips hostile text: formula triggers, quotes, line breaks, scripts', () => {
    const sheets = stadiumSheets();
    sheets.Parties![2]![8] = '=HYPERLINK("http://evil.invalid","click")';
    sheets.Parties![3]![8] = "'already quoted\nsecond line";
    sheets.Parties![4]![1] = '-Crew minus';
    sheets.Parties![6]![1] = '@Bank';
    const first = importBytes(workbook(sheets));
    expect(first.errors).toEqual([]);
    const exported = writeTemplate(first.result);
    const ws = XLSX.read(exported, { type: 'array' }).Sheets.Parties!;
    const cells = Object.values(ws).filter((c): c is XLSX.CellObject => typeof c === 'object' && c !== null && 'v' in c);
    expect(cells.some((c) => typeof c.v === 'string' && /^[=+\-@\t\r]/.test(c.v))).toBe(false);
    expect(cells.every((c) => c.f === undefined)).toBe(true);
    const second = importBytes(exported);
    expect(comparable(second.result)).toEqual(comparable(first.result));
  });

  it('gives parties without a reference code a generated ID that links still use', () => {
    const first = importBytes(workbook(stadiumSheets()));
    const withoutRefs = { ...first.result, parties: first.result.parties.map((p) => (p.ref === 'SUB-004' || p.ref === 'AG-007' ? { ...p, ref: '' } : p)) };
    const again = importBytes(writeTemplate(withoutRefs));
    expect(again.errors).toEqual([]);
    expect(again.result.parties.map((p) => p.ref).sort()).toEqual(['BNK-1', 'CREW-01', 'GC-001', 'P-1', 'P-2', 'W-01']);
    expect(again.result.links).toHaveLength(4);
  });
});
