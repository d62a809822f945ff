/**
 * The facts that matter about a party, and the due-diligence questionnaire built from them. Each fact
 * either establishes or rules out one indicator; completeness is the share of applicable facts
 * that are known, and an unknown fact keeps part of its indicator's weight in the score
 * ("unknown is not safe"). Question ids are stored in Questionnaire records and read back from
 * supplier attestations: never rename one.
 */
import type { PartyKind } from '../model/enums';

/** What the engine knows about a party's role, enough to decide which facts apply to it. */
export interface PartyRole {
  readonly kind: PartyKind;
  readonly isClient: boolean;
  /** Supplies, manages or employs labour on site (workforce parties, labour agencies, trades). */
  readonly isLabour: boolean;
  /** Works in IT or software (the IT-worker red flags apply). */
  readonly isIt: boolean;
  /** Has outgoing payment links (its payment channels matter). */
  readonly pays: boolean;
}

export interface QuestionText {
  readonly text: string;
  /** The answer that is a red flag. */
  readonly red: 'yes' | 'no';
  readonly help?: string;
}

export interface FactDef {
  readonly id: string;
  /** Short label for lists of missing facts. */
  readonly label: string;
  /** The indicator this fact establishes (red) or rules out (clean); null when it only counts for completeness. */
  readonly indicator: string | null;
  readonly appliesTo: (role: PartyRole) => boolean;
  /** Present when the fact is asked in the questionnaire. */
  readonly question?: QuestionText;
}

const labour = (r: PartyRole) => r.isLabour;
const org = (r: PartyRole) => r.kind === 'organization';

export const FACTS: readonly FactDef[] = [
  // Recorded in the party's own fields.
  { id: 'f.country', label: 'Country of registration', indicator: 'dprk-labour-agent', appliesTo: org },
  { id: 'f.sector', label: 'Sector', indicator: 'high-evidence-location', appliesTo: org },
  { id: 'f.headcount', label: 'Headcount', indicator: null, appliesTo: (r) => r.kind === 'workforce' },
  { id: 'f.visa', label: 'Visa or permit type', indicator: 'permits-or-visas-for-others', appliesTo: (r) => r.kind === 'workforce' },
  { id: 'f.housing', label: 'Housing', indicator: 'minders-compound', appliesTo: (r) => r.kind === 'workforce' },
  { id: 'f.bank-country', label: 'Country of the bank', indicator: 'opaque-payment-channel', appliesTo: (r) => r.kind === 'bank' },
  { id: 'f.payment-channels', label: 'Payment channels', indicator: 'opaque-payment-channel', appliesTo: (r) => r.pays },
  // Asked in the questionnaire (and, for crews, also read from the recorded workforce facts).
  {
    id: 'q.dprk-nationals', label: 'DPRK nationals in the workforce', indicator: 'dprk-nationals', appliesTo: labour,
    question: { text: 'Does the party employ or use any North Korean (DPRK) nationals on this project, directly or through a labour provider?', red: 'yes' },
  },
  {
    id: 'q.person-dprk', label: 'Nationality', indicator: 'dprk-nationals', appliesTo: (r) => r.kind === 'person',
    question: { text: 'Is this person a North Korean (DPRK) national, or acting for a DPRK company or authority?', red: 'yes' },
  },
  {
    id: 'q.wages-to-workers', label: 'Wages paid into workers\' own accounts', indicator: 'wages-not-to-workers', appliesTo: labour,
    question: { text: 'Are all wages paid directly to the workers, into accounts in their own names, in local currency where they work?', red: 'no', help: 'Payroll records or bank statements showing individual transfers.' },
  },
  {
    id: 'q.individual-contracts', label: 'Individual employment contracts', indicator: 'no-individual-contracts', appliesTo: labour,
    question: { text: 'Does every worker have an individual written contract naming the employer, the work and the pay?', red: 'no' },
  },
  {
    id: 'q.own-passports', label: 'Workers keep their passports', indicator: 'passports-held', appliesTo: labour,
    question: { text: 'Do the workers keep their own passports and identity documents?', red: 'no' },
  },
  {
    id: 'q.minders', label: 'Minders or guarded compound', indicator: 'minders-compound', appliesTo: labour,
    question: { text: 'Are there "team leaders", minders or security staff who control the workers for a foreign agency or state, or are workers housed in a guarded compound?', red: 'yes' },
  },
  {
    id: 'q.dprk-agent', label: 'DPRK company in the labour supply', indicator: 'dprk-labour-agent', appliesTo: (r) => org(r) || r.kind === 'workforce',
    question: { text: 'Is any labour provider, recruiter, agent or counterparty of the party a DPRK company (for example a "trading", "external construction" or "overseas project" company)?', red: 'yes' },
  },
  {
    id: 'q.permits-for-others', label: 'Permits or visas obtained for others', indicator: 'permits-or-visas-for-others', appliesTo: labour,
    question: { text: 'Does the party obtain work permits or visas on behalf of workers sent by a foreign agency, or use workers on student, tourist or trainee visas for site work?', red: 'yes' },
  },
  {
    id: 'q.contract-terms', label: 'Upfront payment, multi-year term or low price', indicator: 'upfront-multiyear-low-price', appliesTo: (r) => r.kind === 'organization' && r.isLabour,
    question: { text: 'Does a labour-supply contract run for several years with a large upfront payment, or price labour well below the market rate?', red: 'yes' },
  },
  {
    id: 'q.hours-housing', label: 'Hours, rest days and housing', indicator: 'abusive-conditions', appliesTo: labour,
    question: { text: 'Do workers work shifts over 12 hours, get fewer than four rest days a month, or live in containers or unsafe housing?', red: 'yes' },
  },
  {
    id: 'q.all-disclosed', label: 'All subcontractors disclosed', indicator: 'undisclosed-subcontracting', appliesTo: (r) => org(r),
    question: { text: 'Has the party disclosed all of its subcontractors and labour providers for this project?', red: 'no' },
  },
  {
    id: 'q.payment-channels', label: 'Cash, third-party or third-country payments', indicator: 'opaque-payment-channel', appliesTo: (r) => org(r),
    question: { text: 'Are any payments for this project made in cash, to third-party or borrowed-name accounts, to accounts in a third country, or in crypto-assets?', red: 'yes' },
  },
  {
    id: 'q.bank-accounts', label: 'Third-party or third-country accounts', indicator: 'opaque-payment-channel', appliesTo: (r) => r.kind === 'bank',
    question: { text: 'Do the accounts at this bank receive the project\'s payments on behalf of someone else (borrowed-name or nominee accounts), or forward them to a third country?', red: 'yes' },
  },
  {
    id: 'q.it-red-flags', label: 'IT-worker red flags', indicator: 'it-worker-red-flags', appliesTo: (r) => r.isIt,
    question: { text: 'For IT or remote work: are there inconsistent identities, requests to ship equipment to another address, or payments through PRC-linked services or virtual currency?', red: 'yes' },
  },
  {
    id: 'q.free-movement', label: 'Workers move freely', indicator: 'ilo-restriction-of-movement', appliesTo: labour,
    question: { text: 'Can workers leave the site and their housing freely, on their own, outside working hours?', red: 'no' },
  },
  {
    id: 'q.isolation', label: 'Contact with family and outsiders', indicator: 'ilo-isolation', appliesTo: labour,
    question: { text: 'Are workers kept from contacting family or outsiders (no phones, no visits)?', red: 'yes' },
  },
  {
    id: 'q.wage-withholding', label: 'Wages withheld', indicator: 'ilo-withholding-of-wages', appliesTo: labour,
    question: { text: 'Are wages withheld until the end of the contract or return home, or largely deducted as fees or contributions?', red: 'yes' },
  },
  {
    id: 'q.threats', label: 'Threats or penalties', indicator: 'ilo-intimidation', appliesTo: labour,
    question: { text: 'Are there reports of threats against workers or their families, penalties, or forced repatriation?', red: 'yes' },
  },
  {
    id: 'q.violence', label: 'Violence', indicator: 'ilo-violence', appliesTo: labour,
    question: { text: 'Are there reports of physical or sexual violence against workers?', red: 'yes' },
  },
  {
    id: 'q.recruitment-debt', label: 'Recruitment fees or debts', indicator: 'ilo-debt-bondage', appliesTo: labour,
    question: { text: 'Did workers pay recruitment fees or bribes, or take on debts, to get the job?', red: 'yes' },
  },
  {
    id: 'q.deception', label: 'Deception about the job', indicator: 'ilo-deception', appliesTo: labour,
    question: { text: 'Were workers misled about the pay, the employer, the work or the conditions?', red: 'yes' },
  },
  {
    id: 'q.vulnerability', label: 'Vulnerability', indicator: 'ilo-abuse-of-vulnerability', appliesTo: labour,
    question: { text: 'Are workers unable to refuse work (no local language, no legal status of their own, families at home held as guarantee)?', red: 'yes' },
  },
];

/** The questionnaire: the facts that are asked, in the order a form shows them. */
export const QUESTIONS: readonly (FactDef & { readonly question: QuestionText })[] = FACTS.filter((f): f is FactDef & { question: QuestionText } => f.question !== undefined);

const FACT_BY_ID: ReadonlyMap<string, FactDef> = new Map(FACTS.map((f) => [f.id, f]));

/** The fact (or question) with this id, or undefined. */
export function factById(id: string): FactDef | undefined {
  return FACT_BY_ID.get(id);
}

/** A fact's id and label as one shared object, so lists of missing facts allocate nothing per party. */
export interface FactRef {
  readonly id: string;
  readonly label: string;
}
const FACT_REFS: ReadonlyMap<string, FactRef> = new Map(FACTS.map((f) => [f.id, Object.freeze({ id: f.id, label: f.label })]));

/** The shared {id, label} of a fact. */
export function factRef(fact: FactDef): FactRef {
  return FACT_REFS.get(fact.id)!;
}

// Which facts are known travels as a bit mask over a party's applicable facts (derive.ts, fact-state.ts).
if (FACTS.length > 31) throw new Error('The fact catalog outgrew the 31-bit known-facts mask.');

const applicableCache = new Map<string, (readonly FactDef[] | undefined)[]>();

/** The facts that apply to a party with this role, in catalog order (memoised: roles repeat, and the same list object stands for the role). */
export function applicableFacts(role: PartyRole): readonly FactDef[] {
  let byFlags = applicableCache.get(role.kind);
  if (!byFlags) applicableCache.set(role.kind, (byFlags = []));
  const flags = (+role.isClient << 3) | (+role.isLabour << 2) | (+role.isIt << 1) | +role.pays;
  return (byFlags[flags] ??= FACTS.filter((f) => f.appliesTo(role)));
}

/** The questions that apply to a party with this role, in form order. */
export function questionsFor(role: PartyRole): readonly (FactDef & { readonly question: QuestionText })[] {
  return QUESTIONS.filter((q) => q.appliesTo(role));
}
