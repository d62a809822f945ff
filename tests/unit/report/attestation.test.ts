// Supplier attestations: the form is generated prefilled, filled in here with pdf-lib as a supplier
// would in a PDF reader, read back, and checked against the project's records.
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { sequentialIds, sha256Hex, steppingClock } from '../../../src/core/model';
import { buildAttestationForm, FIELDS } from '../../../src/core/report/attestation-form';
import { applyAttestation, assessAttestation, readAttestationForm } from '../../../src/core/report/attestation-read';
import { buildReport } from '../../../src/core/report/build-report';
import { fixtureInput, fixtureSnapshot, loadFonts, NAMES } from './fixture';

const fonts = loadFonts();
const snapshot = fixtureSnapshot();
const supplier = snapshot.parties.find((p) => p.id === 'pty_04')!;
const makeForm = () => buildAttestationForm({ project: snapshot.project, party: supplier, organisation: 'Northgate Compliance LLP', issued: '2026-03-15' }, fonts);

async function fill(form: Uint8Array, answers: { radios?: Record<string, string>; texts?: Record<string, string>; checks?: readonly string[] }): Promise<Uint8Array> {
  const doc = await PDFDocument.load(form);
  const f = doc.getForm();
  for (const [name, value] of Object.entries(answers.radios ?? {})) f.getRadioGroup(name).select(value);
  for (const [name, value] of Object.entries(answers.texts ?? {})) f.getTextField(name).setText(value);
  for (const name of answers.checks ?? []) f.getCheckBox(name).check();
  return doc.save();
}

describe('supplier attestation', () => {
  it('is a reproducible form prefilled with the supplier and project', async () => {
    const a = await makeForm();
    expect(sha256Hex(await makeForm())).toBe(sha256Hex(a));
    const read = await readAttestationForm(a);
    expect(read.value).toMatchObject({ projectId: 'prj_fixture', partyId: 'pty_04', issued: '2026-03-15', dprkNationals: '', confirmed: false });
    const fields = (await PDFDocument.load(a)).getForm().getFields().map((x) => x.getName());
    expect(fields).toEqual(expect.arrayContaining([FIELDS.dprkNationals, FIELDS.dprkPayments, FIELDS.individualAccounts, FIELDS.passports, FIELDS.subName(1), FIELDS.signatoryName, FIELDS.signatoryTitle, FIELDS.signedDate]));
  });

  it('reads a filled form back and flags answers that contradict the project records', async () => {
    const filled = await fill(await makeForm(), {
      radios: { [FIELDS.dprkNationals]: 'no', [FIELDS.dprkPayments]: 'no', [FIELDS.individualAccounts]: 'yes', [FIELDS.passports]: 'worker' },
      texts: { [FIELDS.subName(1)]: 'Gulf Rebar Works', [FIELDS.subCountry(1)]: 'QA', [FIELDS.signatoryName]: 'Andrei Lebedinsky', [FIELDS.signatoryTitle]: 'Director', [FIELDS.signedDate]: '2026-03-20' },
      checks: [FIELDS.confirm],
    });
    const read = await readAttestationForm(filled);
    expect(read.errors).toEqual([]);
    const a = read.value!;
    expect(a).toMatchObject({ dprkNationals: 'no', dprkPayments: 'no', individualAccounts: 'yes', passports: 'worker', confirmed: true, signatoryName: 'Andrei Lebedinsky', signedDate: '2026-03-20' });
    expect(a.subcontractors).toEqual([{ name: 'Gulf Rebar Works', country: 'QA', work: '' }]);

    const issues = assessAttestation(a, snapshot);
    const contradictions = issues.filter((i) => i.kind === 'contradiction').map((i) => i.message);
    expect(contradictions).toEqual([
      `Says no DPRK nationals are employed, but ${NAMES.crew} is recorded as DPRK nationals.`,
      `Says no payments go to DPRK entities or agents, but the project records payments to ${NAMES.hangul} (DPRK-registered or a confirmed designation match).`,
      `Says wages go into workers' own accounts, but ${NAMES.crew} is recorded as paid another way.`,
      `Says workers keep their passports, but for ${NAMES.crew} the project records them held by others.`,
      `Does not list ${NAMES.hangul}, which the project records as subcontracted or supplying labour to it.`,
    ]);
    expect(issues.filter((i) => i.kind === 'missing')).toEqual([]);
    expect(issues.find((i) => i.kind === 'new-information')!.message).toMatch(/Gulf Rebar Works \(QA\), which is not yet a party/);

    const { attestation, questionnaire } = applyAttestation(snapshot, a, issues, { clock: steppingClock('2026-03-21T08:00:00.000Z'), ids: sequentialIds() });
    expect(attestation).toMatchObject({ id: 'att_01', partyId: 'pty_04', status: 'contradicted', receivedAt: '2026-03-21', signatoryName: 'Andrei Lebedinsky', signedDate: '2026-03-20' });
    expect(attestation.issues).toHaveLength(6);
    expect(questionnaire.source).toBe('attestation');
    expect(questionnaire.answers.map((x) => [x.questionId, x.answer])).toEqual([
      ['q.dprk-nationals', 'no'], ['q.dprk-agent', 'no'], ['q.wages-to-workers', 'yes'], ['q.own-passports', 'yes'], ['q.all-disclosed', 'yes'],
    ]);
  });

  it('accepts a complete, consistent form as received', async () => {
    const clean = { ...snapshot, parties: snapshot.parties.map((p) => (p.id === 'pty_06' ? { ...p, workforce: { ...p.workforce!, nationality: 'NP', wagePayment: 'individual_account' as const, passportsHeldBy: 'worker' as const } } : p)), links: snapshot.links.filter((l) => l.id !== 'lnk_04' && l.id !== 'lnk_06') };
    const filled = await fill(await makeForm(), {
      radios: { [FIELDS.dprkNationals]: 'no', [FIELDS.dprkPayments]: 'no', [FIELDS.individualAccounts]: 'yes', [FIELDS.passports]: 'worker' },
      texts: { [FIELDS.signatoryName]: 'Andrei Lebedinsky', [FIELDS.signatoryTitle]: 'Director', [FIELDS.signedDate]: '2026-03-20' },
      checks: [FIELDS.confirm, FIELDS.noSubcontractors],
    });
    const a = (await readAttestationForm(filled)).value!;
    const issues = assessAttestation(a, clean);
    expect(issues).toEqual([]);
    expect(applyAttestation(clean, a, issues, { clock: steppingClock(), ids: sequentialIds() }).attestation.status).toBe('received');
  });

  it('lists every missing answer of an unfilled form, and refuses PDFs that are not attestation forms', async () => {
    const a = (await readAttestationForm(await makeForm())).value!;
    const missing = assessAttestation(a, null).map((i) => i.message);
    expect(missing).toHaveLength(9);
    expect(missing[0]).toBe('Question 1 (DPRK nationals employed) is not answered.');
    const report = await buildReport(fixtureInput({ sections: ['summary'] }), fonts);
    expect((await readAttestationForm(report.pdf)).errors).toEqual(['this PDF is not a Subtier supplier attestation form']);
    expect((await readAttestationForm(new Uint8Array([1, 2, 3]))).errors[0]).toMatch(/not a readable PDF/);
  });
});
