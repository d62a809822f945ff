/**
 * Redaction for reports that leave an NGO: worker-identifying data (names of person parties marked
 * as workers, their aliases, addresses, registration numbers and notes, sensitive evidence, interview
 * notes on crews) is replaced by stable pseudonyms before anything is rendered or embedded, so neither
 * the pages nor the embedded data can leak it. Pseudonyms derive from the project and party ids:
 * the same worker gets the same pseudonym in every edition of every report.
 */
import { sha256Hex } from '../model';
import type { Evidence, Party } from '../model';
import type { ReportInput } from './report-input';

const REDACTED_NOTE = '[redacted: may identify workers]';

/** The pseudonym of a worker: "Worker 3F9A2C", the same for the same project and party. */
export function workerPseudonym(projectId: string, partyId: string): string {
  return `Worker ${sha256Hex(`subtier-pseudonym:${projectId}:${partyId}`).slice(0, 6).toUpperCase()}`;
}

/** Pseudonym for sensitive evidence, listed by hash only. */
export function evidencePseudonym(evidence: Evidence): string {
  return `Sensitive item ${evidence.sha256.slice(0, 8)}`;
}

/** Sensitive evidence by hash only: its title, file name and description never reach a report. */
function hideIfSensitive(e: Evidence): Evidence {
  return e.sensitive ? { ...e, title: evidencePseudonym(e), fileName: `${e.sha256.slice(0, 16)}.redacted`, description: e.description ? REDACTED_NOTE : '' } : e;
}

/**
 * Applied to every report, redacted or not: sensitive evidence (worker testimony, identity
 * documents) is listed by hash only, and the encrypted form of sealed records is never embedded.
 */
export function withholdSensitive(input: ReportInput): ReportInput {
  const { snapshot } = input;
  const parties = snapshot.parties.map(({ sealed: _sealed, ...p }): Party => p);
  const evidence = snapshot.evidence.map(({ sealed: _sealed, ...e }): Evidence => hideIfSensitive(e));
  return { ...input, snapshot: { ...snapshot, parties, evidence } };
}

export function isWorkerParty(party: Party): boolean {
  return party.kind === 'person' && party.isWorker;
}

/**
 * Returns the input with worker-identifying data replaced. Every string anywhere in the input
 * (risk explanations, hit queries, link notes) is also scrubbed of the workers' names and aliases.
 */
export function redactInput(input: ReportInput): ReportInput {
  const { snapshot } = input;
  const projectId = snapshot.project.id;
  const replacements: [string, string][] = [];
  const workerIds = new Set<string>();
  for (const party of snapshot.parties) {
    if (!isWorkerParty(party)) continue;
    workerIds.add(party.id);
    const pseudonym = workerPseudonym(projectId, party.id);
    for (const name of [party.name, ...party.aliases]) if (name.trim().length >= 2) replacements.push([name.trim(), pseudonym]);
  }
  // Longer names first, so "Kim Chol Min" is replaced before "Kim Chol".
  replacements.sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));

  const parties = snapshot.parties.map((p): Party => {
    if (workerIds.has(p.id)) {
      return { ...p, name: workerPseudonym(projectId, p.id), aliases: [], registrationNumber: '', address: '', notes: p.notes ? REDACTED_NOTE : '' };
    }
    if (p.workforce?.notes) return { ...p, workforce: { ...p.workforce, notes: REDACTED_NOTE } };
    return p;
  });
  const evidence = snapshot.evidence.map(hideIfSensitive);
  const sensitiveEvidence = new Set(snapshot.evidence.filter((e) => e.sensitive).map((e) => e.id));
  const questionnaires = snapshot.questionnaires.map((q) => ({
    ...q,
    answers: q.answers.map((a) => (a.note && (workerIds.has(q.partyId) || a.evidenceIds.some((id) => sensitiveEvidence.has(id))) ? { ...a, note: REDACTED_NOTE } : a)),
  }));
  const links = snapshot.links.map((l) => (l.notes && (workerIds.has(l.from) || workerIds.has(l.to)) ? { ...l, notes: REDACTED_NOTE } : l));

  const scrubbed = { ...input, snapshot: { ...snapshot, parties, evidence, questionnaires, links } };
  return scrubStrings(scrubbed, replacements) as ReportInput;
}

interface Replacement {
  readonly name: string;
  readonly pattern: RegExp;
  readonly pseudonym: string;
}

/**
 * Replaces each name wherever it stands as whole words in any string of a plain-data value; a
 * worker called "Kim" does not turn "Kimberly Ltd" into a pseudonym.
 */
function scrubStrings(value: unknown, pairs: readonly (readonly [string, string])[]): unknown {
  const replacements: Replacement[] = pairs.map(([name, pseudonym]) => ({
    name,
    pseudonym,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'),
  }));
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let out = v;
      for (const r of replacements) if (out.includes(r.name)) out = out.replace(r.pattern, r.pseudonym);
      return out;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v)) out[k] = walk(inner);
      return out;
    }
    return v;
  };
  return replacements.length ? walk(value) : value;
}
