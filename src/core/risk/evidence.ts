/**
 * Building the evidence items behind derived indicators: the confidence a recorded fact carries,
 * and texts shared across parties. Texts such as "Wages paid: Team leader", "Site in Qatar (...)"
 * or a questionnaire answer recur across a chain (about 20,000 of them in a chain of 10,000 parties
 * have a few hundred distinct values), so each distinct text is built and kept once, not per party.
 */
import type { Confidence } from '../model/records';
import type { CountryEvidence, SectorEvidence } from './context-tables';
import type { QuestionText } from './facts';
import type { PartyEntry, RiskIndex } from './risk-index';
import type { EvidenceItem } from './types';

/** Entries kept by each cache below before it starts over (bounds memory over many projects). */
const MAX_KEPT = 20_000;

export const ev = (kind: EvidenceItem['kind'], text: string, ...refs: string[]): EvidenceItem => ({ kind, text, refs });

/** Evidence about the party itself: all its items share one frozen `[party id]` list of references. */
export const selfEvidence = (entry: PartyEntry, kind: EvidenceItem['kind'], text: string): EvidenceItem => ({ kind, text, refs: (entry.selfRefs ??= Object.freeze([entry.party.id])) });

/** Recorded facts count as reported; with an evidence file attached to the subject they count as confirmed. */
export function recorded(idx: RiskIndex, subject: string, other?: string): Confidence {
  return (idx.evidenced.get(subject) ?? 0) > 0 || (other !== undefined && (idx.evidenced.get(other) ?? 0) > 0) ? 'confirmed' : 'reported';
}

/** The cache's value for `key`, made and kept on first use (the cache starts over once it holds MAX_KEPT values). */
function remember<K, V>(cache: Map<K, V>, key: K, make: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MAX_KEPT) cache.clear();
    cache.set(key, (value = make(key)));
  }
  return value;
}

// Module-level makers rather than arrow functions at each call: these run once per party.
const newMap = <K, V>() => new Map<K, V>();
const newList = (): string[] => [];

const byPrefix = new Map<string, Map<string, string>>();

/** `prefix + value` for a recorded value from a short list (labels, visa types, headcounts), built once per pair. */
export function phrase(prefix: string, value: string): string {
  const texts = remember(byPrefix, prefix, newMap<string, string>);
  let text = texts.get(value);
  if (text === undefined) {
    if (texts.size >= MAX_KEPT) texts.clear();
    texts.set(value, (text = prefix + value));
  }
  return text;
}

const contextTexts = new Map<CountryEvidence, Map<SectorEvidence | null, string[]>>();

/** The text of the host-country evidence (A13), by country row, sector, whether the sector is documented and whether the site country is known. */
export function contextText(row: CountryEvidence, sector: SectorEvidence | undefined, inSector: boolean, atSite: boolean): string {
  const variants = remember(remember(contextTexts, row, newMap<SectorEvidence | null, string[]>), sector ?? null, newList);
  const at = (inSector ? 2 : 0) + (atSite ? 1 : 0);
  return (variants[at] ??= `${atSite ? `Site in ${row.name}` : `Based in ${row.name}`} (${row.evidence})${inSector ? `; ${sector ? sector.label.toLowerCase() : 'site labour'} is a documented sector` : ''}`);
}

const answerTexts = new Map<QuestionText, string[]>();

/** The text of a questionnaire or attestation answer (without a note), built once per question, source and answer. */
export function answerText(question: QuestionText, attestation: boolean, answer: 'yes' | 'no'): string {
  const variants = remember(answerTexts, question, newList);
  const at = (attestation ? 2 : 0) + (answer === 'yes' ? 1 : 0);
  return (variants[at] ??= `${attestation ? 'Supplier attestation' : 'Questionnaire'}: "${question.text}" ${answer === 'yes' ? 'Yes' : 'No'}`);
}
