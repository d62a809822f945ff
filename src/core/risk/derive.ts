/**
 * Derivation: reads a party's structured data (workforce facts, payment links and their channels,
 * counterparties, screening hits, host country and sector, dates) and its questionnaire answers,
 * and returns the indicators they establish, each with a confidence and its evidence, plus the
 * state of every fact that matters (known or unknown) for completeness. Pure and order-independent.
 */
import type { Confidence } from '../model/records';
import { labelOf } from '../model/enums';
import { applicableFacts, factById, FACTS } from './facts';
import type { FactDef, PartyRole } from './facts';
import { isLabourSector, sectorEvidence } from './context-tables';
import { deriveContext, deriveHits } from './derive-context';
import { answerText, ev, phrase, recorded, selfEvidence } from './evidence';
import type { PartyEntry, RiskIndex } from './risk-index';
import type { Derivation, EvidenceItem } from './types';

export { REPATRIATION_DEADLINE } from './derive-context';

export interface PartyDerivation {
  readonly role: PartyRole;
  /** The facts that apply to the party (shared per role), and which of them are known: bit f for facts[f]. */
  readonly facts: readonly FactDef[];
  readonly knownMask: number;
  readonly derivations: readonly Derivation[];
  /** Answers that the recorded data contradicts, in words. */
  readonly contradictions: readonly string[];
}

// Lists from the risk index are walked by index, not for-of: they are often the shared frozen empty
// list, and V8 then allocates an iterator for every for-of over them (10,000 parties, several loops each).
type Reading = 'red' | 'clean' | 'unknown';
const NO_CONTRADICTIONS: readonly string[] = Object.freeze([]);
const FACT_POSITION: ReadonlyMap<string, number> = new Map(FACTS.map((f, i) => [f.id, i]));
const CONF_RANK: Record<Confidence, number> = { suspected: 0, reported: 1, confirmed: 2 };
const NON_WORK_VISA = /(student|study|tourist|visitor|trainee|exchange)/i;

/** The party's role in the chain, which decides the facts and questions that apply. */
export function roleOf(entry: PartyEntry): PartyRole {
  const party = entry.party;
  let providesLabour = false;
  let pays = false;
  for (let k = 0; k < entry.out.length; k++) {
    const relation = entry.out[k]!.relation;
    if (relation === 'employs' || relation === 'recruits' || relation === 'supplies_labor') providesLabour = true;
    else if (relation === 'pays') pays = true;
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

/** Adds an indicator established by the party's own recorded fields. */
function addFact(out: Derivation[], idx: RiskIndex, entry: PartyEntry, indicatorId: string, text: string): void {
  out.push({ indicatorId, confidence: recorded(idx, entry.party.id), strength: 1, evidence: selfEvidence(entry, 'fact', text) });
}

/** Reads the recorded (non-questionnaire) value of a fact: red, clean or unknown, plus what it derives. */
function readRecorded(idx: RiskIndex, entry: PartyEntry, fact: FactDef, out: Derivation[]): Reading {
  const party = entry.party;
  const wf = party.workforce;
  switch (fact.id) {
    case 'f.country':
      if (!party.country) return 'unknown';
      if (party.country !== 'KP') return 'clean';
      addFact(out, idx, entry, 'dprk-labour-agent', 'Registered in North Korea (country KP)');
      return 'red';
    case 'f.sector':
      return party.sector.trim() ? 'clean' : 'unknown';
    case 'f.headcount':
      return wf && wf.headcount !== null ? 'clean' : 'unknown';
    case 'f.visa':
      if (!wf?.visaType) return 'unknown';
      if (!NON_WORK_VISA.test(wf.visaType)) return 'clean';
      addFact(out, idx, entry, 'permits-or-visas-for-others', `Workers hold "${wf.visaType}" visas, not work permits`);
      return 'red';
    case 'f.housing':
      if (!wf || wf.housing === 'unknown') return 'unknown';
      if (wf.housing !== 'compound') return 'clean';
      addFact(out, idx, entry, 'minders-compound', 'Workers housed in a compound / guarded housing');
      return 'red';
    case 'f.bank-country':
      if (!party.country) return 'unknown';
      if (party.country !== 'KP') return 'clean';
      addFact(out, idx, entry, 'opaque-payment-channel', 'Bank located in North Korea (country KP)');
      return 'red';
    case 'f.payment-channels':
      return readPaymentChannels(idx, entry, out);
    case 'q.dprk-nationals':
      if (!wf || !wf.nationality) return 'unknown';
      if (wf.nationality !== 'KP') return 'clean';
      addFact(out, idx, entry, 'dprk-nationals', wf.headcount ? phrase('Workforce nationality: North Korean (KP), ', `${wf.headcount} workers`) : 'Workforce nationality: North Korean (KP)');
      return 'red';
    case 'q.person-dprk':
      if (!party.country) return 'unknown';
      if (party.country !== 'KP') return 'clean';
      if (party.isWorker || entry.in.some((l) => l.relation === 'employs' || l.relation === 'recruits')) addFact(out, idx, entry, 'dprk-nationals', 'Works in the chain as a North Korean national (KP)');
      else addFact(out, idx, entry, 'dprk-labour-agent', 'North Korean national (KP) as owner, officer or counterparty');
      return 'red';
    case 'q.wages-to-workers':
      if (!wf || wf.wagePayment === 'unknown') return 'unknown';
      if (wf.wagePayment === 'individual_account' || wf.wagePayment === 'cash_to_worker') return 'clean';
      addFact(out, idx, entry, 'wages-not-to-workers', phrase('Wages paid: ', labelOf(wf.wagePayment)));
      return 'red';
    case 'q.individual-contracts':
      if (!wf || wf.individualContracts === 'unknown') return 'unknown';
      if (wf.individualContracts === 'yes') return 'clean';
      addFact(out, idx, entry, 'no-individual-contracts', 'Workers have no individual contracts');
      return 'red';
    case 'q.own-passports':
      if (!wf || wf.passportsHeldBy === 'unknown') return 'unknown';
      if (wf.passportsHeldBy === 'worker') return 'clean';
      addFact(out, idx, entry, 'passports-held', phrase('Passports held by: ', labelOf(wf.passportsHeldBy)));
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
  for (let k = 0; k < entry.out.length; k++) {
    if (entry.out[k]!.relation !== 'pays') continue;
    const { link, to } = entry.out[k]!;
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
function mergeAnswers(entry: PartyEntry): (MergedAnswer | undefined)[] | null {
  const list = entry.questionnaires;
  if (list.length === 0) return null;
  // By position in the fact catalog: a small array per answered party rather than a map.
  const merged = new Array<MergedAnswer | undefined>(FACTS.length);
  for (const q of list) {
    for (const recordedAnswer of q.answers) {
      const { questionId: id, answer } = recordedAnswer;
      const question = factById(id)?.question;
      if (!question || answer === 'unknown') continue;
      const at = FACT_POSITION.get(id)!;
      let m = merged[at];
      if (!m) merged[at] = m = { red: null, clean: false };
      if (answer !== question.red) {
        m.clean = true;
        continue;
      }
      const text = answerText(question, q.source === 'attestation', answer);
      const item = ev('answer', recordedAnswer.note ? `${text}. ${recordedAnswer.note}` : text, q.id, ...recordedAnswer.evidenceIds);
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
function readAnswers(merged: (MergedAnswer | undefined)[] | null, fact: FactDef, out: Derivation[]): Reading {
  const m = merged?.[FACT_POSITION.get(fact.id)!];
  if (!m) return 'unknown';
  if (m.red && fact.indicator) {
    const conflict = m.clean ? ' (other answers say otherwise)' : '';
    for (const item of m.red.items) out.push({ indicatorId: fact.indicator, confidence: m.red.confidence, strength: 1, evidence: conflict ? { ...item, text: item.text + conflict } : item });
  }
  return m.red ? 'red' : m.clean ? 'clean' : 'unknown';
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
