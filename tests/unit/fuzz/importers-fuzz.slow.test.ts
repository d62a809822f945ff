// Fuzzing every importer with mutated copies of its real fixtures: the import template written by the
// app (as .xlsx and as CSV), the official UN XML and OFAC CSV list files, a project bundle, and a
// filled supplier attestation PDF. Each case must come back as { value, errors[] } with worded
// errors: no throw, no hang. CI runs a quick count per format; `npm run fuzz` runs 1,000 per format.
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { sequentialIds, sha256Hex, steppingClock } from '../../../src/core/model';
import type { ProjectSnapshot } from '../../../src/core/model';
import { planImport, readBundle, readTemplateFiles, templateRows, writeBundle, writeTemplate } from '../../../src/core/io';
import { importList } from '../../../src/core/screening';
import { buildAttestationForm, FIELDS } from '../../../src/core/report/attestation-form';
import { readAttestationForm } from '../../../src/core/report/attestation-read';
import { REPO_ROOT, describeWithShared, sanctionsPath } from '../../support/shared';
import { loadFonts } from '../report/fixture';
import { fixBundleManifest, fuzz, fuzzCount, mutateBytes, mutateZipPart } from './fuzz-kit';
import type { FuzzReport } from './fuzz-kit';

const demo = JSON.parse(readFileSync(`${REPO_ROOT}/assets/samples/stadium-demo.json`, 'utf8')) as ProjectSnapshot;

const reports: Record<string, FuzzReport> = {};
afterAll(() => {
  // One line per format, for the record (npm run fuzz prints these).
  for (const [format, r] of Object.entries(reports)) console.log(`fuzz ${format}: ${r.cases} cases, ${r.refused} refused with errors, ${r.accepted} accepted, slowest ${r.slowestMs} ms, ${r.failures.length} failures`);
});

async function check(format: string, run: Promise<FuzzReport>): Promise<void> {
  const report = await run;
  reports[format] = report;
  expect(report.failures.slice(0, 5), `${report.failures.length} failing cases (inputs in .test-results/fuzz/)`).toEqual([]);
  // The mutations must reach the parsers, not only the first check: some inputs are still accepted.
  expect(report.refused, 'some mutated inputs are refused').toBeGreaterThan(0);
}

/** Time allowed for a whole format's run: generous; a case that hangs fails it. */
const runTimeout = (cases: number) => Math.max(30_000, cases * 400);

const planOptions = { target: { mode: 'new' as const }, ids: sequentialIds(), clock: steppingClock() };

/** The workbook path end to end: read, parse the template, plan the import. */
function importWorkbook(name: string) {
  return (bytes: Uint8Array) => {
    const parsed = readTemplateFiles([{ name, bytes }]);
    const plan = planImport(parsed, planOptions);
    return { value: plan, errors: [...parsed.errors, ...plan.errors] };
  };
}

describe('fuzzing the importers', () => {
  it('reads mutated import workbooks (.xlsx)', async () => {
    const seed = writeTemplate(demo);
    await check('xlsx', fuzz('xlsx', fuzzCount(60), (rng) => (rng() < 0.5 ? mutateBytes(rng, seed) : mutateZipPart(rng, seed)), importWorkbook('stadium.xlsx')));
  }, runTimeout(fuzzCount(60)));

  it('reads mutated workbook CSV files', async () => {
    const rows = templateRows(demo).parties;
    const csv = new TextEncoder().encode(['ID,Name,Kind,Country,Sector,Aliases,Registration number,Address,Notes', ...rows.map((r) => r.map((c) => `"${String(c ?? '').replace(/"/g, '""')}"`).join(','))].join('\r\n'));
    await check('csv', fuzz('csv', fuzzCount(100), (rng) => mutateBytes(rng, csv), importWorkbook('Parties.csv')));
  }, runTimeout(fuzzCount(100)));

  it('reads mutated project bundles', async () => {
    const evidence = new Map([['evd_fz_1', new TextEncoder().encode('Site visit notes, 2025-02-11.')]]);
    const snapshot: ProjectSnapshot = {
      ...demo,
      evidence: [{
        id: 'evd_fz_1', createdAt: '2025-03-04T10:00:00.000Z', updatedAt: '2025-03-04T10:00:00.000Z', projectId: 'prj_demo', subject: { type: 'party', id: 'pty_demo_026' },
        title: 'Site visit', fileName: 'visit.txt', mediaType: 'text/plain', size: evidence.get('evd_fz_1')!.length, sha256: sha256Hex(evidence.get('evd_fz_1')!),
        capturedAt: '', description: '', sensitive: false, sealed: '',
      }],
    };
    const seed = await writeBundle({ snapshot, evidence, audit: [], createdAt: '2026-03-01T00:00:00.000Z' });
    const fix = fixBundleManifest(sha256Hex);
    await check('bundle', fuzz('bundle', fuzzCount(60), (rng) => {
      const r = rng();
      return r < 0.34 ? mutateBytes(rng, seed) : r < 0.67 ? mutateZipPart(rng, seed) : mutateZipPart(rng, seed, fix);
    }, (bytes) => readBundle(bytes)));
  }, runTimeout(fuzzCount(60)));

  it('reads mutated filled attestation forms (PDF)', async () => {
    const form = await buildAttestationForm({ project: demo.project, party: demo.parties.find((p) => p.id === 'pty_demo_004')!, organisation: 'Northgate Compliance LLP', issued: '2026-03-15' }, loadFonts());
    const doc = await PDFDocument.load(form);
    const f = doc.getForm();
    f.getRadioGroup(FIELDS.dprkNationals).select('no');
    f.getTextField(FIELDS.signatoryName).setText('Andrei Lebedinsky');
    f.getTextField(FIELDS.subName(1)).setText('Gulf Rebar Works');
    f.getCheckBox(FIELDS.confirm).check();
    const filled = await doc.save();
    await check('attestation-pdf', fuzz('attestation-pdf', fuzzCount(40), (rng) => mutateBytes(rng, filled), (bytes) => readAttestationForm(bytes)));
  }, runTimeout(fuzzCount(40)));
});

describeWithShared('fuzzing the list importers with the official files', () => {
  const options = { id: 'lst_fuzz', importedAt: '2026-03-01T00:00:00.000Z' };

  it('reads mutated UN consolidated lists (XML)', async () => {
    const seed = new Uint8Array(readFileSync(sanctionsPath('un/consolidated-dprk-2026-02-27.xml')));
    const older = new Uint8Array(readFileSync(sanctionsPath('un/consolidated-dprk-2017-07-03.xml')));
    await check('un-xml', fuzz('un-xml', fuzzCount(40), (rng) => mutateBytes(rng, seed, [older]), (bytes) => importList([{ name: 'consolidated.xml', bytes }], options)));
  }, runTimeout(fuzzCount(40)));

  it('reads mutated OFAC SDN CSV files (sdn, alt, add)', async () => {
    const files = ['sdn', 'alt', 'add'].map((n) => ({ name: `${n}.csv`, bytes: new Uint8Array(readFileSync(sanctionsPath(`ofac/2023-12-28/${n}.csv`))) }));
    let which = 0;
    await check('ofac-csv', fuzz('ofac-csv', fuzzCount(60), (rng) => {
      which = Math.floor(rng() * 3);
      const m = mutateBytes(rng, files[which]!.bytes, files.map((f) => f.bytes));
      return { bytes: m.bytes, how: `${files[which]!.name}:${m.how}` };
    }, (bytes) => importList(files.map((f, i) => (i === which ? { name: f.name, bytes } : f)), options)));
  }, runTimeout(fuzzCount(60)));
});
