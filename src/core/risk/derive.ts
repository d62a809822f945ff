/**
 * Derivation: reads a party's structured data (workforce facts, payment links and their channels,
 * counterparties, screening hits, host country and sector, dates) and its questionnaire answers,
 * and returns the indicators they establish, each with a confidence and its evidence, plus the
 * state of every fact that matters (known or unknown) for completeness. Pure and order-independent.
 */
import type { Confidence } from '../model/records';
import type { Party } from '../model/schemas';
import { labelOf } from '../model/enums';
import { applicableFacts, factById } from './facts';
import type { FactDef, PartyRole } from './facts';
import { countryEvidence, COUNTRY_TIERS, isLabourSector, sectorEvidence } from './context-tables';
import type { PartyEntry, RiskIndex } from './risk-index';
import type { Derivation, EvidenceItem } from './types';

/** UNSCR 2397 para. 8: DPRK nationals earning income abroad were to be repatriated by this date. */
export const REPATRIATION_DEADLINE = '2019-12-22';

export interface PartyDerivation {
  readonly role: PartyRole;
  /** The facts that apply to the party (shared per role), and which of them are known: bit f for facts[f]. */
  readonly facts: readonly FactDef[];
  readonly knownMask: number;
  readonly derivations: readonly Derivation[];
  /** Answers that the recorded data contradicts, in words. */
  readonly contradictions: readonly string[];
}

type Reading = 'red' | 'clean' | 'unknown';
const NO_CONTRADICTIONS: readonly string[] = Object.freeze([]);
const CONF_RANK: Record<Confidence, number> = { suspected: 0, reported: 1, confirmed: 2 };
const DPRK_NAME = /\b(korea|korean|dprk|pyongyang|chosun|choson|joson)\b/i;
const LABOUR_EXPORT_NAME = /(trading|external construction|overseas project|foreign construction|general corporation|technology cooperation|economic cooperation)/i;
const NON_WORK_VISA = /(student|study|tourist|visitor|trainee|exchange)/i;

/** The party's role in the chain, which decides the facts and questions that apply. */
export function roleOf(entry: PartyEntry): PartyRole {
  const party = entry.party;
  let providesLabour = false;
  let pays = false;
  for (const { link: l } of entry.out) {
    if (l.relation === 'employs' || l.relation === 'recruits' || l.relation === 'supplies_labor') providesLabour = true;
    else if (l.relation === 'pays') pays = true;
  }
  const isOrg = party.kind === 'organization';
  const sectorKnownNonLabour = party.sector.trim() !== '' && !isLabourSector(party.sector);
  return {
    kind: party.kind,
    isClient: party.isClient,
    isLabour: party.kind === 'workforce' || (isOrg && !party.isClient && (providesLabour || !sectorKnownNonLabour)),
    isIt: isOrg && sectorEvidence(party.sector)?.id === 'it',
    pays,
  };
}

/** Recorded facts count as reported; with an evidence file attached to the subject they count as confirmed. */
function recorded(idx: RiskIndex, subject: string, other?: string): Confidence {
  return (idx.evidenced.get(subject) ?? 0) > 0 || (other !== undefined && (idx.evidenced.get(other) ?? 0) > 0) ? 'confirmed' : 'reported';
}

/** Adds an indicator established by the party's own recorded fields. */
function addFact(out: Derivation[], idx: RiskIndex, party: Party, indicatorId: string, text: string): void {
  out.push({ indicatorId, confidence: recorded(idx, party.id), strength: 1, evidence: { kind: 'fact', text, refs: [party.id] } });
}

const ev = (kind: EvidenceItem['kind'], text: string, ...refs: string[]): EvidenceItem => ({ kind, text, refs });

/** Reads the recorded (non-questionnaire) value of a fact: red, clean or unknown, plus what it derives. */
function readRecorded(idx: RiskIndex, entry: PartyEntry, fact: FactDef, out: Derivation[]): Reading {
  const party = entry.party;
  const wf = party.workforce;
  switch (fact.id) {
    case 'f.country':
      if (!party.country) return 'unknown';
      if (party.country !== 'KP') return 'clean';
      addFact(out, idx, party, 'dprk-labour-agent', 'Registered in North Korea (country KP)');
      return 'red';
    case 'f.sector':
      return party.sector.trim() ? 'clean' : 'unknown';
    case 'f.headcount':
      return wf && wf.headcount !== null ? 'clean' : 'unknown';
    case 'f.visa':
      if (!wf?.visaType) return 'unknown';
      if (!NON_WORK_VISA.test(wf.visaType)) return 'clean';
      addFact(out, idx, party, 'permits-or-visas-for-others', `Workers hold "${wf.visaType}" visas, not work permits`);
      return 'red';
    case 'f.housing':
      if (!wf || wf.housing === 'unknown') return 'unknown';
      if (wf.housing !== 'compound') return 'clean';
      addFact(out, idx, party, 'minders-compound', 'Workers housed in a compound / guarded housing');
      return 'red';
    case 'f.bank-country':
      if (!party.country) return 'unknown';
      if (party.country !== 'KP') return 'clean';
      addFact(out, idx, party, 'opaque-payment-channel', 'Bank located in North Korea (country KP)');
      return 'red';
    case 'f.payment-channels':
      return readPaymentChannels(idx, entry, out);
    case 'q.dprk-nationals':
      if (!wf || !wf.nationality) return 'unknown';
      if (wf.nationality !== 'KP') return 'clean';
      addFact(out, idx, party, 'dprk-nationals', `Workforce nationality: North Korean (KP)${wf.headcount ? `, ${wf.headcount} workers` : ''}`);
      return 'red';
    case 'q.person-dprk':
      if (!party.country) return 'unknown';
      if (party.country !== 'KP') return 'clean';
      if (party.isWorker || entry.in.some(({ link: l }) => l.relation === 'employs' || l.relation === 'recruits')) addFact(out, idx, party, 'dprk-nationals', 'Works in the chain as a North Korean national (KP)');
      else addFact(out, idx, party, 'dprk-labour-agent', 'North Korean national (KP) as owner, officer or counterparty');
      return 'red';
    case 'q.wages-to-workers':
      if (!wf || wf.wagePayment === 'unknown') return 'unknown';
      if (wf.wagePayment === 'individual_account' || wf.wagePayment === 'cash_to_worker') return 'clean';
      addFact(out, idx, party, 'wages-not-to-workers', `Wages paid: ${labelOf(wf.wagePayment)}`);
      return 'red';
    case 'q.individual-contracts':
      if (!wf || wf.individualContracts === 'unknown') return 'unknown';
      if (wf.individualContracts === 'yes') return 'clean';
      addFact(out, idx, party, 'no-individual-contracts', 'Workers have no individual contracts');
      return 'red';
    case 'q.own-passports':
      if (!wf || wf.passportsHeldBy === 'unknown') return 'unknown';
      if (wf.passportsHeldBy === 'worker') return 'clean';
      addFact(out, idx, party, 'passports-held', `Passports held by: ${labelOf(wf.passportsHeldBy)}`);
      return 'red';
    case 'q.dprk-agent':
      if (party.kind !== 'organization' || !party.country) return 'unknown';
      return party.country === 'KP' ? 'red' : 'unknown';
    default:
      return 'unknown';
  }
}

/** Payment links: cash, third-party accounts and crypto (A12), wages via team leaders (A3), crypto to IT work (A14). */
function readPaymentChannels(idx: RiskIndex, entry: PartyEntry, out: Derivation[]): Reading {
  const party = entry.party;
  let unknown = false;
  let red = false;
  for (const { link, to } of entry.out) {
    if (link.relation !== 'pays') continue;
    const payee = to.party;
    const conf = recorded(idx, link.id, party.id);
    const channel = link.channel;
    if (channel === null || channel === 'unknown') {
      unknown = true;
      continue;
    }
    const text = `Pays ${payee.name}: ${labelOf(channel).toLowerCase()}`;
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

interface MergedAnswer {
  red: { confidence: Confidence; items: EvidenceItem[] } | null;
  clean: boolean;
}

/**
 * Merges all questionnaire answers of a party, one pass over its questionnaires: per question, a red
 * answer anywhere wins (with the highest confidence among the red answers), and a clean answer
 * elsewhere is noted as a conflict.
 */
function mergeAnswers(entry: PartyEntry): Map<string, MergedAnswer> | null {
  const list = entry.questionnaires;
  if (list.length === 0) return null;
  const merged = new Map<string, MergedAnswer>();
  for (const q of list) {
    for (const recordedAnswer of q.answers) {
      const { questionId: id, answer } = recordedAnswer;
      const question = factById(id)?.question;
      if (!question || answer === 'unknown') continue;
      let m = merged.get(id);
      if (!m) merged.set(id, (m = { red: null, clean: false }));
      if (answer !== question.red) {
        m.clean = true;
        continue;
      }
      const who = q.source === 'attestation' ? 'Supplier attestation' : 'Questionnaire';
      const item = ev('answer', `${who}: "${question.text}" ${answer === 'yes' ? 'Yes' : 'No'}${recordedAnswer.note ? `. ${recordedAnswer.note}` : ''}`, q.id, ...recordedAnswer.evidenceIds);
      if (!m.red) m.red = { confidence: recordedAnswer.confidence, items: [item] };
      else {
        m.red.items.push(item);
        if (CONF_RANK[recordedAnswer.confidence] > CONF_RANK[m.red.confidence]) m.red.confidence = recordedAnswer.confidence;
      }
    }
  }
  return merged;
}

/** The questionnaire's reading of one fact, adding its derivations. */
function readAnswers(merged: Map<string, MergedAnswer> | null, fact: FactDef, out: Derivation[]): Reading {
  const m = merged?.get(fact.id);
  if (!m) return 'unknown';
  if (m.red && fact.indicator) {
    const conflict = m.clean ? ' (other answers say otherwise)' : '';
    for (const item of m.red.items) out.push({ indicatorId: fact.indicator, confidence: m.red.confidence, strength: 1, evidence: conflict ? { ...item, text: item.text + conflict } : item });
  }
  return m.red ? 'red' : m.clean ? 'clean' : 'unknown';
}

/** Screening hits on the party (A1), and on any party that owns it. Dismissed hits count for nothing. */
function deriveHits(entry: PartyEntry, out: Derivation[]): void {
  addHits(entry.party, entry, out);
  for (const { link, from } of entry.in) if (link.relation === 'owns') addHits(entry.party, from, out);
}

function addHits(party: Party, subjectEntry: PartyEntry, out: Derivation[]): void {
  const subject = subjectEntry.party;
  for (const hit of subjectEntry.hits) {
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

/** Indicators from context: names, host country and sector (A13), dates (A15), banks abroad (A12). */
function deriveContext(idx: RiskIndex, entry: PartyEntry, role: PartyRole, out: Derivation[]): void {
  const party = entry.party;
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
  for (const { link, to } of entry.out) {
    if (link.relation !== 'employs') continue;
    const worker = to.party;
    const kp = worker.kind === 'workforce' ? worker.workforce?.nationality === 'KP' : worker.kind === 'person' && worker.country === 'KP';
    if (kp) out.push({ indicatorId: 'dprk-nationals', confidence: recorded(idx, worker.id, link.id), strength: 1, evidence: ev('link', `Employs ${worker.name}, recorded as North Korean (KP)`, link.id, worker.id) });
  }
  if (role.kind !== 'bank') {
    const home = party.country;
    const host = idx.project.hostCountry;
    for (const { link, to } of entry.out) {
      if (link.relation !== 'banks_with') continue;
      const bank = to.party;
      // A third country: the bank's is known and is neither the party's nor the site's (when those are known).
      if (bank.country && (home || host) && bank.country !== home && bank.country !== host) {
        out.push({ indicatorId: 'opaque-payment-channel', confidence: recorded(idx, link.id), strength: 0.6, evidence: ev('link', `Banks with ${bank.name} in a third country (${bank.country})`, link.id, bank.id) });
      }
    }
  }
}

/** Everything the data says about one party: its role, the state of each fact, and its indicators. */
export function deriveParty(idx: RiskIndex, entry: PartyEntry): PartyDerivation {
  const role = roleOf(entry);
  const derivations: Derivation[] = [];
  const facts = applicableFacts(role);
  let knownMask = 0;
  let cleanAnswers: FactDef[] | null = null;
  const merged = mergeAnswers(entry);
  for (let i = 0; i < facts.length; i++) {
    const fact = facts[i]!;
    const recordedReading = readRecorded(idx, entry, fact, derivations);
    const answered = readAnswers(merged, fact, derivations);
    if (answered === 'clean') (cleanAnswers ??= []).push(fact);
    if (recordedReading !== 'unknown' || answered !== 'unknown') knownMask |= 1 << i;
  }
  deriveHits(entry, derivations);
  deriveContext(idx, entry, role, derivations);
  if (!cleanAnswers) return { role, facts, knownMask, derivations, contradictions: NO_CONTRADICTIONS };
  const contradictions: string[] = [];
  for (const fact of cleanAnswers) {
    const against = derivations.find((d) => d.indicatorId === fact.indicator && d.evidence.kind !== 'answer' && d.evidence.kind !== 'context');
    if (against) contradictions.push(`Contradiction: the answer on "${fact.label}" rules it out, but ${against.evidence.text.charAt(0).toLowerCase()}${against.evidence.text.slice(1)}.`);
  }
  return { role, facts, knownMask, derivations, contradictions };
}
