/**
 * Reading a returned attestation form: its answers (never trusting the file: a wrong, damaged or
 * foreign PDF gives errors, not exceptions), then a check against the project's own records that
 * flags missing answers and contradictions, such as "no DPRK nationals" against a crew recorded as
 * DPRK. Applying it yields the party's updated attestation and questionnaire records.
 */
import { PDFCheckBox, PDFDocument, PDFRadioGroup, PDFTextField } from 'pdf-lib';
import { buildGraph } from '../chain/graph';
import { attestationSchema, questionnaireSchema } from '../model';
import type { Attestation, Clock, IdGenerator, ProjectSnapshot, Questionnaire, QuestionnaireAnswer, Tristate } from '../model';
import { ATTESTATION_FORM_VERSION, FIELDS, PASSPORT_OPTIONS, SUBCONTRACTOR_ROWS } from './attestation-form';
import { directSubcontractors, payees, workforcesBelow } from './chain-facts';

type YesNo = 'yes' | 'no' | '';

export interface AttestationAnswers {
  readonly formVersion: string;
  readonly projectId: string;
  readonly partyId: string;
  readonly issued: string;
  readonly dprkNationals: YesNo;
  readonly dprkPayments: YesNo;
  readonly individualAccounts: YesNo;
  readonly passports: (typeof PASSPORT_OPTIONS)[number] | '';
  readonly passportsOther: string;
  readonly noSubcontractors: boolean;
  readonly subcontractors: readonly { readonly name: string; readonly country: string; readonly work: string }[];
  readonly confirmed: boolean;
  readonly signatoryName: string;
  readonly signatoryTitle: string;
  readonly signedDate: string;
}

export type ReadResult = { readonly value: AttestationAnswers; readonly errors: readonly [] } | { readonly value: null; readonly errors: readonly string[] };

/** Reads the answers from a filled attestation form. */
export async function readAttestationForm(bytes: Uint8Array): Promise<ReadResult> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    return { value: null, errors: [`not a readable PDF: ${(error as Error).message}`] };
  }
  // A PDF can load yet hold a broken form (missing or mistyped field objects): pdf-lib throws then.
  try {
    return readFields(doc);
  } catch (error) {
    return { value: null, errors: [`the form in this PDF is damaged and cannot be read: ${(error as Error).message}`] };
  }
}

function readFields(doc: PDFDocument): ReadResult {
  const form = doc.getForm();
  const fields = new Map(form.getFields().map((f) => [f.getName(), f] as const));
  const text = (name: string) => {
    const f = fields.get(name);
    return f instanceof PDFTextField ? (f.getText() ?? '').trim() : '';
  };
  const choice = (name: string, allowed: readonly string[]) => {
    const f = fields.get(name);
    const v = f instanceof PDFRadioGroup ? f.getSelected() ?? '' : '';
    return allowed.includes(v) ? v : '';
  };
  const checked = (name: string) => {
    const f = fields.get(name);
    return f instanceof PDFCheckBox ? f.isChecked() : false;
  };
  const version = text(FIELDS.form);
  if (version !== ATTESTATION_FORM_VERSION) {
    return { value: null, errors: [version ? `form version ${version} is not one this Subtier reads (${ATTESTATION_FORM_VERSION})` : 'this PDF is not a Subtier supplier attestation form'] };
  }
  const subcontractors = [];
  for (let i = 1; i <= SUBCONTRACTOR_ROWS; i++) {
    const row = { name: text(FIELDS.subName(i)), country: text(FIELDS.subCountry(i)), work: text(FIELDS.subWork(i)) };
    if (row.name || row.country || row.work) subcontractors.push(row);
  }
  return {
    value: {
      formVersion: version,
      projectId: text(FIELDS.projectId),
      partyId: text(FIELDS.partyId),
      issued: text(FIELDS.issued),
      dprkNationals: choice(FIELDS.dprkNationals, ['yes', 'no']) as YesNo,
      dprkPayments: choice(FIELDS.dprkPayments, ['yes', 'no']) as YesNo,
      individualAccounts: choice(FIELDS.individualAccounts, ['yes', 'no']) as YesNo,
      passports: choice(FIELDS.passports, PASSPORT_OPTIONS) as AttestationAnswers['passports'],
      passportsOther: text(FIELDS.passportsOther),
      noSubcontractors: checked(FIELDS.noSubcontractors),
      subcontractors,
      confirmed: checked(FIELDS.confirm),
      signatoryName: text(FIELDS.signatoryName),
      signatoryTitle: text(FIELDS.signatoryTitle),
      signedDate: text(FIELDS.signedDate),
    },
    errors: [],
  };
}

export interface AttestationIssue {
  readonly kind: 'missing' | 'contradiction' | 'mismatch' | 'new-information';
  readonly message: string;
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Checks the answers: every question answered and signed, and nothing contradicting what the
 * project records about the supplier, the crews at or below it, its payees and its subcontractors.
 * Without a snapshot only completeness is checked.
 */
export function assessAttestation(a: AttestationAnswers, snapshot: ProjectSnapshot | null): AttestationIssue[] {
  const issues: AttestationIssue[] = [];
  const missing = (message: string) => issues.push({ kind: 'missing', message });
  if (!a.dprkNationals) missing('Question 1 (DPRK nationals employed) is not answered.');
  if (!a.dprkPayments) missing('Question 2 (payments to DPRK entities or agents) is not answered.');
  if (!a.individualAccounts) missing('Question 3 (wages into individual accounts) is not answered.');
  if (!a.passports) missing('Question 4 (who holds passports) is not answered.');
  else if (a.passports === 'other' && !a.passportsOther) missing('Question 4 says someone else holds the passports but does not say who.');
  if (!a.noSubcontractors && a.subcontractors.length === 0) missing('Question 5 lists no subcontractors and does not state that there are none.');
  if (a.noSubcontractors && a.subcontractors.length) issues.push({ kind: 'contradiction', message: 'Question 5 both lists subcontractors and states that there are none.' });
  if (!a.confirmed) missing('The declaration is not confirmed.');
  if (!a.signatoryName) missing('The signatory\'s name is missing.');
  if (!a.signatoryTitle) missing('The signatory\'s title is missing.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(a.signedDate)) missing(a.signedDate ? `The date "${a.signedDate}" is not a date as YYYY-MM-DD.` : 'The date of signature is missing.');
  if (!snapshot) return issues;

  if (a.projectId !== snapshot.project.id) issues.push({ kind: 'mismatch', message: `The form was issued for project ${a.projectId}, not ${snapshot.project.id}.` });
  const graph = buildGraph(snapshot.parties, snapshot.links);
  const party = graph.parties.get(a.partyId);
  if (!party) {
    issues.push({ kind: 'mismatch', message: `The supplier ${a.partyId} named in the form is not a party of this project.` });
    return issues;
  }
  const contradiction = (message: string) => issues.push({ kind: 'contradiction', message });
  const crews = workforcesBelow(graph, party.id);
  const dprkCrews = crews.filter((c) => c.workforce?.nationality === 'KP');
  if (a.dprkNationals === 'no' && dprkCrews.length) contradiction(`Says no DPRK nationals are employed, but ${dprkCrews.map((c) => c.name).join(', ')} ${dprkCrews.length === 1 ? 'is' : 'are'} recorded as DPRK nationals.`);
  const confirmed = new Set(snapshot.hits.filter((h) => h.status === 'confirmed').map((h) => h.partyId));
  const dprkPayees = payees(graph, party.id).filter((p) => p.country === 'KP' || confirmed.has(p.id));
  if (a.dprkPayments === 'no' && dprkPayees.length) contradiction(`Says no payments go to DPRK entities or agents, but the project records payments to ${dprkPayees.map((p) => p.name).join(', ')} (DPRK-registered or a confirmed designation match).`);
  const badWages = crews.filter((c) => c.workforce && ['team_leader', 'third_party', 'employer_held'].includes(c.workforce.wagePayment));
  if (a.individualAccounts === 'yes' && badWages.length) contradiction(`Says wages go into workers' own accounts, but ${badWages.map((c) => c.name).join(', ')} ${badWages.length === 1 ? 'is' : 'are'} recorded as paid another way.`);
  const heldByOthers = crews.filter((c) => c.workforce && ['employer', 'agency', 'minder', 'embassy'].includes(c.workforce.passportsHeldBy));
  if (a.passports === 'worker' && heldByOthers.length) contradiction(`Says workers keep their passports, but for ${heldByOthers.map((c) => c.name).join(', ')} the project records them held by others.`);
  const listed = a.subcontractors.map((s) => norm(s.name)).filter(Boolean);
  const recorded = directSubcontractors(graph, party.id).filter((p) => p.kind !== 'workforce' && p.kind !== 'person');
  const matches = (p: { name: string; aliases: readonly string[] }) => [p.name, ...p.aliases].some((n) => listed.some((l) => l === norm(n) || l.includes(norm(n)) || norm(n).includes(l)));
  const undisclosed = recorded.filter((p) => !matches(p));
  if (undisclosed.length) contradiction(`${a.noSubcontractors ? 'States it has no subcontractors' : 'Does not list'} ${undisclosed.map((p) => p.name).join(', ')}, which the project records as ${a.noSubcontractors ? 'its subcontractor' : 'subcontracted or supplying labour to it'}.`);
  const known = snapshot.parties.map((p) => [p.name, ...p.aliases].map(norm));
  for (const s of a.subcontractors) {
    const n = norm(s.name);
    if (n && !known.some((names) => names.some((k) => k === n || k.includes(n) || n.includes(k)))) issues.push({ kind: 'new-information', message: `Lists ${s.name}${s.country ? ` (${s.country})` : ''}, which is not yet a party of the project.` });
  }
  return issues;
}

/** Questionnaire answers the attestation gives, in the risk engine's question ids. */
export function attestationQuestionAnswers(a: AttestationAnswers, evidenceIds: readonly string[] = []): QuestionnaireAnswer[] {
  const out: QuestionnaireAnswer[] = [];
  const add = (questionId: string, answer: Tristate, note: string) => out.push({ questionId, answer, confidence: 'reported', evidenceIds: [...evidenceIds], note });
  const source = `Supplier attestation signed by ${a.signatoryName || 'an unnamed signatory'}${a.signedDate ? ` on ${a.signedDate}` : ''}.`;
  if (a.dprkNationals) add('q.dprk-nationals', a.dprkNationals, source);
  if (a.dprkPayments) add('q.dprk-agent', a.dprkPayments, source);
  if (a.individualAccounts) add('q.wages-to-workers', a.individualAccounts, source);
  if (a.passports) add('q.own-passports', a.passports === 'worker' ? 'yes' : 'no', `${source} Passports held by: ${a.passports === 'other' ? a.passportsOther || 'someone else' : a.passports}.`);
  if (a.noSubcontractors || a.subcontractors.length) add('q.all-disclosed', 'yes', `${source} ${a.noSubcontractors ? 'States it has no subcontractors.' : `Lists: ${a.subcontractors.map((s) => s.name).join(', ')}.`}`);
  return out;
}

/**
 * The records a read-back produces: the party's attestation (received, or contradicted when the
 * answers contradict the records) and its questionnaire from the attestation, replacing earlier ones.
 */
export function applyAttestation(snapshot: ProjectSnapshot, a: AttestationAnswers, issues: readonly AttestationIssue[], deps: { clock: Clock; ids: IdGenerator }): { attestation: Attestation; questionnaire: Questionnaire } {
  const now = deps.clock();
  const previous = snapshot.attestations.filter((x) => x.partyId === a.partyId).sort((x, y) => (x.updatedAt < y.updatedAt ? 1 : -1))[0];
  const answers: Record<string, string> = {
    dprkNationals: a.dprkNationals, dprkPayments: a.dprkPayments, individualAccounts: a.individualAccounts, passports: a.passports,
    passportsOther: a.passportsOther, noSubcontractors: a.noSubcontractors ? 'yes' : 'no', subcontractors: a.subcontractors.map((s) => [s.name, s.country, s.work].filter(Boolean).join(' / ')).join('; '),
    confirmed: a.confirmed ? 'yes' : 'no',
  };
  const attestation = attestationSchema.parse({
    id: previous?.id ?? deps.ids('att'), createdAt: previous?.createdAt ?? now, updatedAt: now,
    projectId: snapshot.project.id, partyId: a.partyId,
    status: issues.some((i) => i.kind === 'contradiction' || i.kind === 'mismatch') ? 'contradicted' : 'received',
    requestedAt: previous?.requestedAt || a.issued, receivedAt: now.slice(0, 10),
    signatoryName: a.signatoryName, signatoryTitle: a.signatoryTitle, signedDate: a.signedDate,
    answers, issues: issues.map((i) => i.message),
  });
  const previousQ = snapshot.questionnaires.find((q) => q.partyId === a.partyId && q.source === 'attestation');
  const questionnaire = questionnaireSchema.parse({
    id: previousQ?.id ?? deps.ids('qst'), createdAt: previousQ?.createdAt ?? now, updatedAt: now,
    projectId: snapshot.project.id, partyId: a.partyId, source: 'attestation', answers: attestationQuestionAnswers(a),
  });
  return { attestation, questionnaire };
}

/** The attestation record for a form just sent: status "awaiting", requested on the issue date. */
export function attestationRequested(snapshot: ProjectSnapshot, partyId: string, issued: string, deps: { clock: Clock; ids: IdGenerator }): Attestation {
  const now = deps.clock();
  const previous = snapshot.attestations.find((x) => x.partyId === partyId);
  return attestationSchema.parse({
    ...(previous ?? {}), id: previous?.id ?? deps.ids('att'), createdAt: previous?.createdAt ?? now, updatedAt: now,
    projectId: snapshot.project.id, partyId, status: 'awaiting', requestedAt: issued, receivedAt: '', issues: [],
  });
}
