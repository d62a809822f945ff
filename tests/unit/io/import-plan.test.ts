// Import plans: every problem at its cell, headers by synonym, extra columns kept as notes, importing
// only the valid rows, merging into an existing project (by ID, then name) with a summary, and an
// atomic write that leaves the store untouched when anything fails.
import { describe, expect, it } from 'vitest';
import { formatProblem, planImport, readTemplateFiles } from '../../../src/core/io';
import { applyImport, StaleImportError } from '../../../src/core/services';
import { Repository } from '../../../src/core/services/repository';
import { sequentialIds, steppingClock } from '../../../src/core/model';
import { createMemoryBackend } from '../../../src/store';
import { fixedOptions, importBytes, stadiumSheets, workbook } from './helpers';

/** The stadium workbook with four deliberate mistakes. */
function withErrors() {
  const s = stadiumSheets();
  s.Parties![3]![3] = 'Koreaa';                                    // AG-007: unknown country
  s.Parties!.push(['SUB-004', 'Duplicate Facades', '', '', '', '', '', '', '']); // repeated ID
  s.Links!.push(['SUB-004', 'SUB-999', 'pays', 'lots', '', null, '', '', '', '']); // unknown party, bad value
  s.Workforce![1]![9] = '';
  s.Workforce![1]![8] = '31/02/2026';                              // not a real date
  return s;
}

describe('import preview', () => {
  it('lists every problem by sheet, row and column', () => {
    const plan = importBytes(workbook(withErrors()), 'suppliers.xlsx');
    // The exact cells:
    expect(plan.errors.map((p) => `${p.sheet}!${p.row}:${p.column}`)).toEqual([
      'Parties!4:D', 'Links!6:D', 'Workforce!2:I', 'Parties!8:A', 'Links!3:B', 'Links!4:A', 'Links!5:A', 'Links!6:B',
    ]);
    expect(plan.errors[0]!.message).toMatch(/^Country: Unknown country "Koreaa"/);
    expect(plan.errors[4]!.message).toBe('To: the party "AG-007" (Parties row 4) has errors, so this row cannot be imported until they are fixed');
    expect(plan.errors[7]!.message).toBe('To: no party with the ID "SUB-999" on the Parties sheet');
    expect(plan.counts).toEqual({
      parties: { rows: 7, valid: 5, invalid: 2 },
      links: { rows: 5, valid: 1, invalid: 4 },
      workforce: { rows: 1, valid: 0, invalid: 1 },
      projectFields: 6,
    });
    expect(plan.canApply).toBe(false);
  });

  it('imports only the valid rows when asked', async () => {
    const plan = importBytes(workbook(withErrors()), 'suppliers.xlsx', fixedOptions({ mode: 'new' }, true));
    expect(plan.canApply).toBe(true);
    expect(plan.result.parties.map((p) => p.ref).sort()).toEqual(['BNK-1', 'CREW-01', 'GC-001', 'SUB-004', 'W-01']);
    expect(plan.result.parties.find((p) => p.ref === 'SUB-004')!.name).toBe('Al Noor Facades LLC');
    expect(plan.result.links).toHaveLength(1);
    expect(plan.result.parties.find((p) => p.ref === 'CREW-01')!.workforce).toBeNull();
    const repo = new Repository(createMemoryBackend(), { ids: sequentialIds(), clock: steppingClock() });
    const id = await applyImport(repo, plan);
    const stored = await repo.loadSnapshot(id);
    expect(stored.parties).toHaveLength(5);
    expect(stored.project.name).toBe('Stadium East Stand');
    expect(stored.project.hostCountry).toBe('QA');
  });

  it('refuses to apply a plan with errors unless only valid rows are chosen, and writes nothing', async () => {
    const repo = new Repository(createMemoryBackend());
    await expect(applyImport(repo, importBytes(workbook(withErrors())))).rejects.toThrow(/only the valid rows/);
    expect(await repo.listProjects()).toEqual([]);
  });

  it('accepts header synonyms in any case and keeps extra columns as notes', () => {
    const bytes = workbook({
      Suppliers: [
        ['SUPPLIER ID', 'company name', 'Type', 'Jurisdiction', 'AKA', 'Contact person'],
        ['S1', 'Alpha Build', 'Company', 'Korea, North', 'Alpha; ALPHA', 'Mr Kim'],
        ['S2', 'Beta', '', '', '', ''],
      ],
      Relationships: [['source', 'target', 'relationship', 'amount', 'ccy', 'share pct', 'payment method'], ['S1', 'S2', 'Supplies labour to', '1.000,50', '$', '40%', 'Wire']],
      Entities: [['ID', 'Name'], ['S3', 'Gamma']],
    });
    const plan = importBytes(bytes);
    expect(plan.errors).toEqual([]);
    const alpha = plan.result.parties.find((p) => p.ref === 'S1')!;
    expect(alpha).toMatchObject({ name: 'Alpha Build', kind: 'organization', country: 'KP', aliases: ['Alpha'], notes: 'Contact person: Mr Kim' });
    expect(plan.result.links[0]).toMatchObject({ relation: 'supplies_labor', value: 1000.5, currency: 'USD', sharePct: 40, channel: 'bank_transfer' });
    expect(plan.warnings.map((w) => formatProblem(w))).toEqual(expect.arrayContaining([
      'Parties!1:F: warning: "Contact person" is not a template column; its values are kept in Notes'.replace('Parties', 'Suppliers'),
      'Entities: warning: a second Parties sheet; only "Suppliers" was read',
    ]));
  });

  it('reads the Project sheet laid out across as well as down', () => {
    const plan = importBytes(workbook({ Project: [['Name', 'Country', 'Start date'], ['Bridge', 'Russia', '2026-04-01']], Parties: [['ID', 'Name'], ['A', 'Alpha']] }));
    expect(plan.errors).toEqual([]);
    expect(plan.result.project).toMatchObject({ name: 'Bridge', hostCountry: 'RU', startDate: '2026-04-01' });
  });

  it('sets workforce facts only on workforce parties', () => {
    const s = stadiumSheets();
    s.Workforce!.push(['SUB-004', 'NP', 10, '', '', '', '', '', '', '']);
    s.Workforce!.push(['CREW-01', 'NP', 10, '', '', '', '', '', '', '']);
    const plan = importBytes(workbook(s));
    expect(plan.errors.map((e) => `${e.sheet}!${e.row}:${e.column}: ${e.message}`)).toEqual([
      'Workforce!3:A: Party ID: "SUB-004" is of kind organization; workforce facts belong to a party of kind workforce (set its Kind to workforce)',
      'Workforce!4:A: Party ID: "CREW-01" already has a Workforce row (row 2); give one row per crew',
    ]);
  });
});

describe('merging into an existing project', () => {
  async function setup() {
    const repo = new Repository(createMemoryBackend(), { ids: sequentialIds(), clock: steppingClock() });
    const id = await applyImport(repo, importBytes(workbook(stadiumSheets())));
    return { repo, id };
  }

  it('matches by ID, then by name, adds the rest, never erases with empty cells, and summarises', async () => {
    const { repo, id } = await setup();
    const existing = await repo.loadSnapshot(id);
    const bytes = workbook({
      Project: [['Field', 'Value'], ['Site', 'Lusail North']],
      Parties: [
        ['ID', 'Name', 'Kind', 'Country', 'Sector', 'Aliases'],
        ['SUB-004', 'Al Noor Facades LLC', '', '', 'Facades and glazing', 'Al Nour'],  // by ID: sector changes, alias added
        ['X-9', 'koryo  manpower services', '', '', '', ''],                            // by name: AG-007
        ['NEW-1', 'Pyongyang Steel Trading', 'organization', 'KP', '', ''],              // added
        ['GC-001', 'Gulf Stadia Contracting', '', '', '', ''],                           // unchanged
      ],
      Links: [['From', 'To', 'Relation', 'Value'], ['AG-007', 'NEW-1', 'pays', 5000], ['GC-001', 'SUB-004', 'subcontracts', 1300000]],
    });
    const plan = planImport(readTemplateFiles([{ name: 'update.xlsx', bytes }]), { target: { mode: 'merge', snapshot: existing }, ids: sequentialIds(900), clock: steppingClock('2026-06-01T00:00:00.000Z') });
    expect(plan.errors).toEqual([]);
    expect(plan.summary.parties).toEqual({ added: 1, changed: 1, unchanged: 2 });
    expect(plan.summary.links).toEqual({ added: 1, changed: 1, unchanged: 0 });
    expect(plan.summary.project).toBe('changed');
    expect(plan.summary.changes.map((c) => `${c.action} ${c.entity} ${c.label} ${c.fields.join(',')}`.trim())).toEqual([
      'changed project Stadium East Stand site',
      'changed party SUB-004 Al Noor Facades LLC sector,aliases',
      'added party NEW-1 Pyongyang Steel Trading',
      'added link AG-007 → NEW-1 pays',
      'changed link GC-001 → SUB-004 subcontracts value',
    ]);
    expect(plan.warnings.map((w) => w.message)).toContain('ID: matched the existing party "Koryo Manpower Services" by name; it keeps its reference code "AG-007"');
    await applyImport(repo, plan);
    const after = await repo.loadSnapshot(id);
    expect(after.parties).toHaveLength(7);
    expect(after.parties.find((p) => p.ref === 'SUB-004')).toMatchObject({ sector: 'Facades and glazing', country: 'AE', aliases: ['Al-Nur Facade', 'النور للواجهات', 'Al Nour'] });
    expect(after.parties.find((p) => p.ref === 'AG-007')!.country).toBe('RU');
    expect(after.project.site).toBe('Lusail North');
    const log = await repo.auditLog(id);
    expect(log.slice(-5).map((e) => `${e.action} ${e.entity}`)).toEqual(['update project', 'update party', 'create party', 'create link', 'update link']);
  });

  it('refuses a merge when the project changed after the preview, writing nothing', async () => {
    const { repo, id } = await setup();
    const existing = await repo.loadSnapshot(id);
    const plan = planImport(readTemplateFiles([{ name: 'u.xlsx', bytes: workbook({ Parties: [['ID', 'Name', 'Sector'], ['SUB-004', 'Al Noor Facades LLC', 'Glass']] }) }]), { target: { mode: 'merge', snapshot: existing }, ids: sequentialIds(900), clock: steppingClock() });
    const sub = existing.parties.find((p) => p.ref === 'SUB-004')!;
    await repo.updateParty(sub.id, { address: 'moved' });
    await expect(applyImport(repo, plan)).rejects.toBeInstanceOf(StaleImportError);
    expect((await repo.getParty(sub.id))!.sector).toBe('Facades');
  });

  it('merging the same workbook twice changes nothing the second time', async () => {
    const { repo, id } = await setup();
    const plan = planImport(readTemplateFiles([{ name: 's.xlsx', bytes: workbook(stadiumSheets()) }]), { target: { mode: 'merge', snapshot: await repo.loadSnapshot(id) }, ids: sequentialIds(900), clock: steppingClock() });
    expect(plan.summary.parties).toEqual({ added: 0, changed: 0, unchanged: 6 });
    expect(plan.summary.links).toEqual({ added: 0, changed: 0, unchanged: 4 });
    expect(plan.canApply).toBe(false);
  });
});
