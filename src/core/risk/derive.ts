/**
 * Derivation: reads a party's structured data (workforce facts, payment links and their channels,
 * counterparties, screening hits, host country and sector, dates) and its questionnaire answers,
 * and returns the indicators they establish, each with a confidence and its evidence, plus the
 * state of every fact that matters (known or unknown) for completeness. Pure and order-independent.
 */
import type { Confidence } from '../model/records';
import type { Party } from '../model/schemas';
import { labelOf } from '../model/enums';
import { canonicalAnswer, FACTS } from './facts';
import type { FactDef, PartyRole } from './facts';
import { countryEvidence, COUNTRY_TIERS, isLabourSector, sectorEvidence } from './context-tables';
import { inOf, outOf } from './risk-index';
import type { RiskIndex } from './risk-index';
import type { Derivation, EvidenceItem } from './types';

/** UNSCR 2397 para. 8: DPRK nationals earning income abroad were to be repatriated by this date. */
export const REPATRIATION_DEADLINE = '2019-12-22';

export interface FactState {
  readonly fact: FactDef;
  readonly known: boolean;
}

export interface PartyDerivation {
  readonly role: PartyRole;
  readonly facts: readonly FactState[];
  readonly derivations: readonly Derivation[];
  /** Answers that the recorded data contradicts, in words. */
  readonly contradictions: readonly string[];
}

type Reading = 'red' | 'clean' | 'unknown';
const CONF_RANK: Record<Confidence, number> = { suspected: 0, reported: 1, confirmed: 2 };
const DPRK_NAME = /\b(korea|korean|dprk|pyongyang|chosun|choson|joson)\b/i;
const LABOUR_EXPORT_NAME = /(trading|external construction|overseas project|foreign construction|general corporation|technology cooperation|economic cooperation)/i;
const NON_WORK_VISA = /(student|study|tourist|visitor|trainee|exchange)/i;

/** The party's role in the chain, which decides the facts and questions that apply. */
export function roleOf(idx: RiskIndex, party: Party): PartyRole {
  const out = outOf(idx, party.id);
  const providesLabour = out.some((l) => l.relation === 'employs' || l.relation === 'recruits' || l.relation === 'supplies_labor');
  const isOrg = party.kind === 'organization';
  const sectorKnownNonLabour = party.sector.trim() !== '' && !isLabourSector(party.sector);
  return {
    kind: party.kind,
    isClient: party.isClient,
    isLabour: party.kind === 'workforce' || (isOrg && !party.isClient && (providesLabour || !sectorKnownNonLabour)),
    isIt: isOrg && sectorEvidence(party.sector)?.id === 'it',
    pays: out.some((l) => l.relation === 'pays'),
  };
}

/** Recorded facts count as reported; with an evidence file attached to the subject they count as confirmed. */
function recorded(idx: RiskIndex, ...subjects: string[]): Confidence {
  return subjects.some((id) => (idx.evidenced.get(id) ?? 0) > 0) ? 'confirmed' : 'reported';
}

const ev = (kind: EvidenceItem['kind'], text: string, ...refs: string[]): EvidenceItem => ({ kind, text, refs });

/** Reads the recorded (non-questionnaire) value of a fact: red, clean or unknown, plus what it derives. */
function readRecorded(idx: RiskIndex, party: Party, fact: FactDef, out: Derivation[]): Reading {
  const wf = party.workforce;
  const conf = recorded(idx, party.id);
  const add = (indicatorId: string, text: string, confidence: Confidence = conf, strength = 1, ...refs: string[]) =>
    out.push({ indicatorId, confidence, strength, evidence: ev('fact', text, party.id, ...refs) });
  switch (fact.id) {
    case 'f.country':
      if (!party.country) return 'unknown';
      if (party.country !== 'KP') return 'clean';
      add('dprk-labour-agent', 'Registered in North Korea (country KP)');
      return 'red';
    case 'f.sector':
      return party.sector.trim() ? 'clean' : 'unknown';
    case 'f.headcount':
      return wf && wf.headcount !== null ? 'clean' : 'unknown';
    case 'f.visa':
      if (!wf?.visaType) return 'unknown';
      if (!NON_WORK_VISA.test(wf.visaType)) return 'clean';
      add('permits-or-visas-for-others', `Workers hold "${wf.visaType}" visas, not work permits`);
      return 'red';
    case 'f.housing':
      if (!wf || wf.housing === 'unknown') return 'unknown';
      if (wf.housing !== 'compound') return 'clean';
      add('minders-compound', 'Workers housed in a compound / guarded housing');
      return 'red';
    case 'f.bank-country':
      if (!party.country) return 'unknown';
      if (party.country !== 'KP') return 'clean';
      add('opaque-payment-channel', 'Bank located in North Korea (country KP)');
      return 'red';
    case 'f.payment-channels':
      return readPaymentChannels(idx, party, out);
    case 'f.labour-tier':
      return outOf(idx, party.id).some((l) => l.relation === 'subcontracts' || l.relation === 'employs' || l.relation === 'recruits')
        || inOf(idx, party.id).some((l) => l.relation === 'supplies_labor') ? 'clean' : 'unknown';
    case 'q.dprk-nationals':
      if (!wf || !wf.nationality) return 'unknown';
      if (wf.nationality !== 'KP') return 'clean';
      add('dprk-nationals', `Workforce nationality: North Korean (KP)${wf.headcount ? `, ${wf.headcount} workers` : ''}`);
      return 'red';
    case 'q.person-dprk':
      if (!party.country) return 'unknown';
      if (party.country !== 'KP') return 'clean';
      if (party.isWorker || inOf(idx, party.id).some((l) => l.relation === 'employs' || l.relation === 'recruits')) add('dprk-nationals', 'Works in the chain as a North Korean national (KP)');
      else add('dprk-labour-agent', 'North Korean national (KP) as owner, officer or counterparty');
      return 'red';
    case 'q.wages-to-workers':
      if (!wf || wf.wagePayment === 'unknown') return 'unknown';
      if (wf.wagePayment === 'individual_account' || wf.wagePayment === 'cash_to_worker') return 'clean';
      add('wages-not-to-workers', `Wages paid: ${labelOf(wf.wagePayment)}`);
      return 'red';
    case 'q.individual-contracts':
      if (!wf || wf.individualContracts === 'unknown') return 'unknown';
      if (wf.individualContracts === 'yes') return 'clean';
      add('no-individual-contracts', 'Workers have no individual contracts');
      return 'red';
    case 'q.own-passports':
      if (!wf || wf.passportsHeldBy === 'unknown') return 'unknown';
      if (wf.passportsHeldBy === 'worker') return 'clean';
      add('passports-held', `Passports held by: ${labelOf(wf.passportsHeldBy)}`);
      return 'red';
    case 'q.dprk-agent':
      if (party.kind !== 'organization' || !party.country) return 'unknown';
      return party.country === 'KP' ? 'red' : 'unknown';
    default:
      return 'unknown';
  }
}

/** Payment links: cash, third-party accounts and crypto (A12), wages via team leaders (A3), crypto to IT work (A14). */
function readPaymentChannels(idx: RiskIndex, party: Party, out: Derivation[]): Reading {
  let unknown = false;
  let red = false;
  for (const link of outOf(idx, party.id)) {
    if (link.relation !== 'pays') continue;
    const payee = idx.parties.get(link.to)!;
    const conf = recorded(idx, link.id, party.id);
    const channel = link.channel;
    if (channel === null || channel === 'unknown') {
      unknown = true;
      continue;
    }
    const text = `Pays ${payee.name} by ${labelOf(channel).toLowerCase()}`;
    if (channel === 'cash' || channel === 'third_party_account' || channel === 'crypto') {
      out.push({ indicatorId: 'opaque-payment-channel', confidence: conf, strength: 1, evidence: ev('link', text, link.id, payee.id) });
      red = true;
    }
    if (channel === 'team_leader') {
      out.push({ indicatorId: 'wages-not-to-workers', confidence: conf, strength: 1, evidence: ev('link', text, link.id, payee.id) });
      red = true;
    }
    if (channel === 'crypto' && sectorEvidence(payee.sector)?.id === 'it') {
      out.push({ indicatorId: 'it-worker-red-flags', confidence: conf, strength: 1, evidence: ev('link', `${text} for IT work`, link.id, payee.id) });
    }
  }
  return red ? 'red' : unknown ? 'unknown' : 'clean';
}

/** Merges all questionnaire answers of the party to one question: a red answer anywhere wins. */
function readAnswers(idx: RiskIndex, party: Party, fact: FactDef, out: Derivation[]): Reading {
  const question = fact.question;
  if (!question) return 'unknown';
  let red: { confidence: Confidence; items: EvidenceItem[] } | null = null;
  let clean = false;
  for (const q of idx.questionnaires.get(party.id) ?? []) {
    for (const recordedAnswer of q.answers) {
      const { id, answer } = canonicalAnswer(recordedAnswer.questionId, recordedAnswer.answer);
      if (id !== fact.id || answer === 'unknown') continue;
      const a = { ...recordedAnswer, answer };
      if (a.answer !== question.red) {
        clean = true;
        continue;
      }
      const who = q.source === 'attestation' ? 'Supplier attestation' : 'Questionnaire';
      const item = ev('answer', `${who}: "${question.text}" ${a.answer === 'yes' ? 'Yes' : 'No'}${a.note ? `. ${a.note}` : ''}`, q.id, ...a.evidenceIds);
      if (!red) red = { confidence: a.confidence, items: [item] };
      else {
        red.items.push(item);
        if (CONF_RANK[a.confidence] > CONF_RANK[red.confidence]) red.confidence = a.confidence;
      }
    }
  }
  if (red && fact.indicator) {
    const conflict = clean ? ' (other answers say otherwise)' : '';
    for (const item of red.items) out.push({ indicatorId: fact.indicator, confidence: red.confidence, strength: 1, evidence: { ...item, text: item.text + conflict } });
  }
  return red ? 'red' : clean ? 'clean' : 'unknown';
}

/** Screening hits on the party (A1), and on any party that owns it. Dismissed hits count for nothing. */
function deriveHits(idx: RiskIndex, party: Party, out: Derivation[]): void {
  const owners = inOf(idx, party.id).filter((l) => l.relation === 'owns').map((l) => idx.parties.get(l.from)!);
  for (const subject of [party, ...owners]) {
    for (const hit of idx.hits.get(subject.id) ?? []) {
      if (hit.status === 'dismissed') continue;
      const who = subject === party ? `"${hit.queryName}"` : `Owner ${subject.name}`;
      const status = hit.status === 'confirmed' ? `confirmed${hit.reviewer ? ` by ${hit.reviewer}` : ''}` : 'open, not yet reviewed';
      out.push({
        indicatorId: 'designation-match',
        confidence: hit.status === 'confirmed' ? 'confirmed' : 'suspected',
        strength: 1,
        evidence: ev('hit', `${who} matches ${hit.listSource} ${hit.entryRef} "${hit.entryName}" (score ${hit.score.toFixed(2)}, ${status})`, hit.id, subject.id),
      });
    }
  }
}

/** Indicators from context: names, host country and sector (A13), dates (A15), banks abroad (A12). */
function deriveContext(idx: RiskIndex, party: Party, role: PartyRole, out: Derivation[]): void {
  if (party.kind === 'organization' && party.country !== 'KP' && DPRK_NAME.test(party.name) && LABOUR_EXPORT_NAME.test(party.name)) {
    out.push({ indicatorId: 'dprk-labour-agent', confidence: 'suspected', strength: 1, evidence: ev('fact', `Name "${party.name}" follows the pattern of DPRK labour-export companies`, party.id) });
  }
  if ((party.kind === 'organization' || party.kind === 'workforce') && !party.isClient) {
    const country = idx.project.hostCountry || party.country;
    const row = countryEvidence(country);
    if (row) {
      const sector = party.kind === 'workforce' && !party.sector.trim() ? undefined : sectorEvidence(party.sector);
      const inSector = party.kind === 'workforce' ? !party.sector.trim() || sector !== undefined : sector !== undefined;
      const where = idx.project.hostCountry ? `Site in ${row.name}` : `Based in ${row.name}`;
      const what = inSector ? `; ${sector ? sector.label.toLowerCase() : 'site labour'} is a documented sector` : '';
      out.push({
        indicatorId: 'high-evidence-location', confidence: 'reported',
        strength: COUNTRY_TIERS[row.tier] * (inSector ? 1 : 0.4),
        evidence: ev('context', `${where} (${row.evidence})${what}`, party.id),
      });
    }
  }
  const wf = party.workforce;
  if (wf?.nationality === 'KP') {
    const end = idx.project.endDate;
    const after = (d: string) => d !== '' && d > REPATRIATION_DEADLINE;
    const when = after(wf.arrivalDate) ? `arrived ${wf.arrivalDate}`
      : after(end) ? `project runs until ${end}`
        : !end && after(idx.project.startDate) ? `project started ${idx.project.startDate}`
          : !end && after(idx.asOf) ? `present as of ${idx.asOf}` : '';
    if (when) out.push({ indicatorId: 'dprk-income-after-2019', confidence: recorded(idx, party.id), strength: 1, evidence: ev('fact', `DPRK nationals earning income after ${REPATRIATION_DEADLINE}: ${when}`, party.id) });
  }
  for (const link of outOf(idx, party.id)) {
    if (link.relation !== 'employs') continue;
    const worker = idx.parties.get(link.to)!;
    const kp = worker.kind === 'workforce' ? worker.workforce?.nationality === 'KP' : worker.kind === 'person' && worker.country === 'KP';
    if (kp) out.push({ indicatorId: 'dprk-nationals', confidence: recorded(idx, worker.id, link.id), strength: 1, evidence: ev('link', `Employs ${worker.name}, recorded as North Korean (KP)`, link.id, worker.id) });
  }
  if (role.kind !== 'bank') {
    for (const link of outOf(idx, party.id)) {
      if (link.relation !== 'banks_with') continue;
      const bank = idx.parties.get(link.to)!;
      const home = new Set([party.country, idx.project.hostCountry].filter(Boolean));
      if (bank.country && home.size > 0 && !home.has(bank.country)) {
        out.push({ indicatorId: 'opaque-payment-channel', confidence: recorded(idx, link.id), strength: 0.6, evidence: ev('link', `Banks with ${bank.name} in a third country (${bank.country})`, link.id, bank.id) });
      }
    }
  }
}

/** Everything the data says about one party: its role, the state of each fact, and its indicators. */
export function deriveParty(idx: RiskIndex, party: Party): PartyDerivation {
  const role = roleOf(idx, party);
  const derivations: Derivation[] = [];
  const facts: FactState[] = [];
  const cleanAnswers: FactDef[] = [];
  for (const fact of FACTS) {
    if (!fact.appliesTo(role)) continue;
    const recordedReading = readRecorded(idx, party, fact, derivations);
    const answered = readAnswers(idx, party, fact, derivations);
    if (answered === 'clean') cleanAnswers.push(fact);
    facts.push({ fact, known: recordedReading !== 'unknown' || answered !== 'unknown' });
  }
  deriveHits(idx, party, derivations);
  deriveContext(idx, party, role, derivations);
  const contradictions: string[] = [];
  for (const fact of cleanAnswers) {
    const against = derivations.find((d) => d.indicatorId === fact.indicator && d.evidence.kind !== 'answer' && d.evidence.kind !== 'context');
    if (against) contradictions.push(`Contradiction: the answer on "${fact.label}" rules it out, but ${against.evidence.text.charAt(0).toLowerCase()}${against.evidence.text.slice(1)}.`);
  }
  return { role, facts, derivations, contradictions };
}
