/**
 * The supplier attestation: a fillable PDF form (AcroForm) per supplier, prefilled with the supplier
 * and the project, asking what an auditor needs in writing: DPRK nationals employed, payments to
 * DPRK entities or their agents, wages into individual accounts, who holds passports, the
 * supplier's own subcontractors, and a signed declaration. Field names are a stable contract with
 * the reader (attestation-read.ts). Reproducible: the same request gives the same bytes.
 */
import { PDFBool, PDFDocument, PDFName } from 'pdf-lib';
import type { PDFForm, PDFPage } from 'pdf-lib';
import { countryLabel } from './actions';
import type { Party, Project } from '../model';
import { FontSet } from './pdf/fonts';
import type { ReportFontBytes } from './pdf/fonts';
import { COLOR, SIZE } from './pdf/theme';
import { Writer } from './pdf/writer';

export const ATTESTATION_FORM_VERSION = 'subtier-attestation-1';
export const SUBCONTRACTOR_ROWS = 8;

/** The form's field names: the contract between the form and its reader. */
export const FIELDS = {
  form: 'subtier.form',
  projectId: 'subtier.project_id',
  partyId: 'subtier.party_id',
  issued: 'subtier.issued',
  dprkNationals: 'q1.dprk_nationals',
  dprkPayments: 'q2.dprk_payments',
  individualAccounts: 'q3.individual_accounts',
  passports: 'q4.passports',
  passportsOther: 'q4.passports_other',
  noSubcontractors: 'q5.no_subcontractors',
  subName: (i: number) => `q5.sub${i}.name`,
  subCountry: (i: number) => `q5.sub${i}.country`,
  subWork: (i: number) => `q5.sub${i}.work`,
  confirm: 'declaration.confirm',
  signatoryName: 'signatory.name',
  signatoryTitle: 'signatory.title',
  signedDate: 'signatory.date',
} as const;

export const PASSPORT_OPTIONS = ['worker', 'employer', 'agency', 'other'] as const;

export interface AttestationRequest {
  readonly project: Project;
  readonly party: Party;
  /** The organisation asking, printed on the form. */
  readonly organisation: string;
  /** Date of issue, YYYY-MM-DD: the form's only date, so output is reproducible. */
  readonly issued: string;
}

/** Builds the prefilled, fillable attestation form for one supplier. */
export async function buildAttestationForm(req: AttestationRequest, fontBytes: ReportFontBytes): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = new FontSet(doc, fontBytes);
  await fonts.init();
  const texts = [req.party.name, req.project.name, req.project.site, req.project.client, req.organisation, countryLabel(req.party.country), '…•—–·'];
  for (const t of texts) {
    await fonts.prepare(t, false);
    await fonts.prepare(t, true);
  }
  const w = new Writer(doc, fonts);
  w.addPage(false);
  const form = doc.getForm();
  const page = w.page;

  w.rect(0, w.height - 96, w.width, 96, { fill: COLOR.accent });
  w.text('SUPPLIER ATTESTATION', w.left, w.height - 40, { size: 9, bold: true, color: COLOR.accentLight });
  w.text('DPRK (North Korean) overseas labour', w.left, w.height - 64, { size: 17, bold: true, color: COLOR.white });
  w.text(w.fit(`${req.project.name}${req.project.site ? `, ${req.project.site}` : ''}`, w.contentWidth, { size: 10 }), w.left, w.height - 82, { size: 10, color: COLOR.white });
  w.y = w.height - 112;
  w.keyValues([
    ['Supplier', req.party.ref ? `${req.party.name} (${req.party.ref})` : req.party.name],
    ['Country', countryLabel(req.party.country)],
    ['Project', req.project.name],
    ['Client', req.project.client],
    ['Requested by', req.organisation],
    ['Issued', req.issued],
  ], 100, { size: SIZE.small });
  hidden(form, page, FIELDS.form, ATTESTATION_FORM_VERSION);
  hidden(form, page, FIELDS.projectId, req.project.id);
  hidden(form, page, FIELDS.partyId, req.party.id);
  hidden(form, page, FIELDS.issued, req.issued);
  w.y -= 4;
  w.paragraph('Please answer every question for your company and for any company that supplies you workers or services on this project, sign, save the PDF and return it. Answers are read back by the requester\'s compliance software and compared with the project records.', { size: SIZE.small, color: COLOR.muted, after: 8 });

  const yesNo = (n: number, name: string, question: string) => {
    question1(w, n, question);
    radios(w, form, name, [['yes', 'Yes'], ['no', 'No']]);
  };
  yesNo(1, FIELDS.dprkNationals, 'Does your company, or any company supplying you workers, employ or use North Korean (DPRK) nationals on this project?');
  yesNo(2, FIELDS.dprkPayments, 'Has your company made payments to DPRK entities or to anyone acting for them (agents, "trading", "external construction" or "overseas project" companies)?');
  yesNo(3, FIELDS.individualAccounts, 'Are all wages paid directly to the workers, into bank accounts in their own names?');
  question1(w, 4, 'Who holds the workers\' passports and identity documents?');
  const end = radios(w, form, FIELDS.passports, [['worker', 'The workers themselves'], ['employer', 'Your company'], ['agency', 'A labour agency'], ['other', 'Someone else:']]);
  form.createTextField(FIELDS.passportsOther).addToPage(page, { x: end, y: w.y + 7, width: w.right - end, height: 14, borderWidth: 0.6, borderColor: COLOR.rule });

  question1(w, 5, 'List your own subcontractors and labour suppliers on this project (company, country, work supplied).');
  const colW = [w.contentWidth * 0.5, w.contentWidth * 0.2, w.contentWidth * 0.3];
  w.text('Company', w.left, w.y - 8, { size: SIZE.tiny, bold: true, color: COLOR.muted });
  w.text('Country', w.left + colW[0]!, w.y - 8, { size: SIZE.tiny, bold: true, color: COLOR.muted });
  w.text('Work or service', w.left + colW[0]! + colW[1]!, w.y - 8, { size: SIZE.tiny, bold: true, color: COLOR.muted });
  w.y -= 12;
  for (let i = 1; i <= SUBCONTRACTOR_ROWS; i++) {
    const y = w.y - 15;
    let x = w.left;
    [FIELDS.subName(i), FIELDS.subCountry(i), FIELDS.subWork(i)].forEach((name, c) => {
      form.createTextField(name).addToPage(page, { x, y, width: colW[c]! - 4, height: 13, borderWidth: 0.5, borderColor: COLOR.rule });
      x += colW[c]!;
    });
    w.y -= 16;
  }
  w.y -= 4;
  checkbox(w, form, FIELDS.noSubcontractors, 'We have no subcontractors or labour suppliers on this project.');

  w.y -= 6;
  w.heading('Declaration', 2);
  checkbox(w, form, FIELDS.confirm, 'I confirm that the answers above are true and complete, and that I am authorised to sign for the supplier.');
  w.y -= 6;
  const third = w.contentWidth / 3;
  [[FIELDS.signatoryName, 'Name'], [FIELDS.signatoryTitle, 'Title'], [FIELDS.signedDate, 'Date (YYYY-MM-DD)']].forEach(([name, label], i) => {
    const x = w.left + i * third;
    form.createTextField(name!).addToPage(page, { x, y: w.y - 18, width: third - 10, height: 16, borderWidth: 0.6, borderColor: COLOR.muted });
    w.text(label!, x, w.y - 28, { size: SIZE.tiny, color: COLOR.muted });
  });
  w.y -= 40;
  w.text('Signature', w.left, w.y - 14, { size: SIZE.tiny, color: COLOR.muted });
  w.line(w.left + 40, w.y - 12, w.left + 2 * third - 10, w.y - 12, { color: COLOR.muted });

  w.text(`Form ${ATTESTATION_FORM_VERSION} · supplier ${req.party.id} · project ${req.project.id}`, w.left, 30, { size: SIZE.tiny, color: COLOR.muted });
  const date = new Date(`${req.issued}T00:00:00Z`);
  doc.setTitle(`Supplier attestation: ${req.party.name}`);
  doc.setSubject(`${ATTESTATION_FORM_VERSION} for ${req.party.id} in ${req.project.id}`);
  doc.setCreator('Subtier');
  doc.setProducer('Subtier');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  // Viewers regenerate field appearances, so typed answers in any script show as typed.
  form.acroForm.dict.set(PDFName.of('NeedAppearances'), PDFBool.True);
  return doc.save({ useObjectStreams: true });
}

function question1(w: Writer, n: number, text: string): void {
  w.ensure(40);
  w.y -= 4;
  const lines = w.wrap(text, w.contentWidth - 18, { bold: true });
  w.text(`${n}.`, w.left, w.y - 10, { bold: true, color: COLOR.accent });
  for (const line of lines) {
    w.y -= 12.5;
    w.text(line, w.left + 18, w.y + 2.5, { bold: true });
  }
  w.y -= 4;
}

/** Draws a radio group on one line; returns the x where the line ends. */
function radios(w: Writer, form: PDFForm, name: string, options: readonly (readonly [string, string])[]): number {
  const group = form.createRadioGroup(name);
  let x = w.left + 18;
  for (const [value, label] of options) {
    group.addOptionToPage(value, w.page, { x, y: w.y - 12, width: 10, height: 10, borderWidth: 0.8, borderColor: COLOR.muted });
    x += 14 + w.text(label, x + 14, w.y - 10, { size: SIZE.small }) + 18;
  }
  w.y -= 20;
  return x - 14;
}

function checkbox(w: Writer, form: PDFForm, name: string, label: string): void {
  form.createCheckBox(name).addToPage(w.page, { x: w.left, y: w.y - 12, width: 10, height: 10, borderWidth: 0.8, borderColor: COLOR.muted });
  w.text(label, w.left + 16, w.y - 10, { size: SIZE.small });
  w.y -= 18;
}

function hidden(form: PDFForm, page: PDFPage, name: string, value: string): void {
  const field = form.createTextField(name);
  field.setText(value);
  field.enableReadOnly();
  field.addToPage(page, { x: 0, y: 0, width: 0, height: 0, hidden: true });
}
