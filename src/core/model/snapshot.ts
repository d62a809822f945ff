/**
 * A project snapshot: everything known about one project as plain data. It is the unit the pure
 * core works on (risk scoring, reports, bundles, spreadsheet export) and what the store loads and
 * saves atomically. Arrays are kept in a stable order so equal projects serialise identically.
 */
import type { Evidence, Link, Party, Project } from './schemas';
import type { Attestation, IndicatorOverride, Questionnaire, ScreeningHit } from './records';

export interface ProjectSnapshot {
  readonly project: Project;
  readonly parties: readonly Party[];
  readonly links: readonly Link[];
  readonly evidence: readonly Evidence[];
  readonly questionnaires: readonly Questionnaire[];
  readonly overrides: readonly IndicatorOverride[];
  readonly hits: readonly ScreeningHit[];
  readonly attestations: readonly Attestation[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Returns the snapshot with every collection sorted by id: the canonical order. */
export function sortSnapshot(s: ProjectSnapshot): ProjectSnapshot {
  return {
    project: s.project,
    parties: [...s.parties].sort(byId),
    links: [...s.links].sort(byId),
    evidence: [...s.evidence].sort(byId),
    questionnaires: [...s.questionnaires].sort(byId),
    overrides: [...s.overrides].sort(byId),
    hits: [...s.hits].sort(byId),
    attestations: [...s.attestations].sort(byId),
  };
}

/** An empty snapshot for a project, for building fixtures and imports. */
export function emptySnapshot(project: Project): ProjectSnapshot {
  return { project, parties: [], links: [], evidence: [], questionnaires: [], overrides: [], hits: [], attestations: [] };
}
