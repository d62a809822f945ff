/**
 * Small conveniences over the engine for the UI and the report: a party's role and questionnaire
 * without scoring the whole project, and lookup of a party's result.
 */
import type { ProjectSnapshot } from '../model/snapshot';
import { roleOf } from './derive';
import { questionsFor } from './facts';
import type { FactDef, PartyRole, QuestionText } from './facts';
import { buildRiskIndex } from './risk-index';
import type { PartyRisk, ProjectRiskResult } from './types';

/** The role of one party in its project (decides which questions apply), or undefined if it is not there. */
export function partyRole(snapshot: ProjectSnapshot, partyId: string): PartyRole | undefined {
  const party = snapshot.parties.find((p) => p.id === partyId);
  if (!party) return undefined;
  const links = snapshot.links.filter((l) => l.from === partyId || l.to === partyId);
  const idx = buildRiskIndex({ ...snapshot, links, questionnaires: [], overrides: [], hits: [], evidence: [] }, '');
  return roleOf({ ...idx.parties.get(partyId)!, party });
}

/** The questionnaire for one party, in form order (empty if the party is not in the snapshot). */
export function questionsForParty(snapshot: ProjectSnapshot, partyId: string): readonly (FactDef & { readonly question: QuestionText })[] {
  const role = partyRole(snapshot, partyId);
  return role ? questionsFor(role) : [];
}

/** A party's result by id, by binary search over the id-ordered list. */
export function partyRiskById(result: ProjectRiskResult, partyId: string): PartyRisk | undefined {
  let lo = 0;
  let hi = result.parties.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const id = result.parties[mid]!.partyId;
    if (id === partyId) return result.parties[mid];
    if (id < partyId) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
