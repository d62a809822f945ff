/**
 * Findings for every high and critical party: the indicators behind its score with confidence and
 * evidence, the paths below it that drive its exposure, the chains of contractors it exposes, and
 * the recommended actions. Ordered most severe first so the report leads with what matters.
 */
import { labelOf } from '../model';
import type { Party } from '../model';
import { countryLabel, recommendActions } from './actions';
import { sourceIds } from './build-context';
import type { BuildContext } from './build-context';
import { chainFromRoot, directSubcontractors, workforcesBelow } from './chain-facts';
import { evidencePseudonym } from './redaction';
import { RISK_LEVELS } from './report-input';
import type { PartyRisk, RiskLevel } from './report-input';
import type { FindingModel } from './report-model';

/** A party's reported level: the higher of its inherent and exposure levels. */
export function levelOf(r: PartyRisk): RiskLevel {
  return RISK_LEVELS.indexOf(r.inherent.level) >= RISK_LEVELS.indexOf(r.exposure.level) ? r.inherent.level : r.exposure.level;
}

const rank = (l: RiskLevel) => RISK_LEVELS.indexOf(l);

/**
 * Findings are for parties an auditor can act on: not the client (its exposure is the project's
 * rating) and not individual workers, who are the people the diligence protects.
 */
function isAccountable(party: Party | undefined): boolean {
  return party !== undefined && !party.isClient && !(party.kind === 'person' && party.isWorker);
}

export function buildFindings(ctx: BuildContext): FindingModel[] {
  const { snapshot } = ctx.input;
  const evidenceById = new Map(snapshot.evidence.map((e) => [e.id, e] as const));
  const evidenceLabel = (id: string) => {
    const e = evidenceById.get(id);
    if (!e) return `missing evidence ${id}`;
    const name = e.sensitive && ctx.input.options.redact ? evidencePseudonym(e) : e.title || e.fileName;
    return `${name} (SHA-256 ${e.sha256.slice(0, 12)}…)`;
  };
  const selected = ctx.input.risk.parties
    .filter((r) => rank(levelOf(r)) >= rank('high') && isAccountable(ctx.graph.parties.get(r.partyId)))
    .sort((a, b) => rank(levelOf(b)) - rank(levelOf(a)) || Math.max(b.inherent.score, b.exposure.score) - Math.max(a.inherent.score, a.exposure.score)
      || ctx.nameOf(a.partyId).localeCompare(ctx.nameOf(b.partyId), 'en') || (a.partyId < b.partyId ? -1 : 1));

  return selected.map((r): FindingModel => {
    const party = ctx.graph.parties.get(r.partyId)!;
    const hits = snapshot.hits.filter((h) => h.partyId === party.id);
    const attestation = snapshot.attestations.filter((a) => a.partyId === party.id).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0];
    const workforces = workforcesBelow(ctx.graph, party.id);
    const chain = chainFromRoot(ctx.graph, party.id);
    const tier = ctx.tiers.get(party.id);
    return {
      partyId: party.id,
      name: party.name,
      ref: party.ref,
      kind: labelOf(party.kind),
      country: countryLabel(party.country),
      tier: tier === undefined ? '—' : String(tier),
      inherent: { level: r.inherent.level, score: r.inherent.score },
      exposure: { level: r.exposure.level, score: r.exposure.score },
      completeness: r.completeness,
      insufficient: r.insufficient,
      indicators: [...r.indicators]
        .sort((a, b) => b.contribution - a.contribution || (a.id < b.id ? -1 : 1))
        .map((i) => ({
          title: i.title,
          confidence: i.confidence,
          contribution: i.contribution,
          detail: i.overrideReason ? `${i.detail}${i.detail ? ' ' : ''}Added by the auditor: ${i.overrideReason}` : i.detail,
          evidence: i.evidenceIds.map(evidenceLabel),
          sources: sourceIds(i.sources),
        })),
      notes: r.notes,
      missingFacts: r.missingFacts,
      exposurePaths: r.paths.filter((p) => p.length > 1).map((p) => p.map(ctx.nameOf).join(' → ')),
      exposesContractors: chain.length > 1 ? [chain.map(ctx.nameOf).join(' → ')] : [],
      actions: recommendActions({
        level: levelOf(r),
        insufficient: r.insufficient,
        completeness: r.completeness,
        confirmedHits: hits.filter((h) => h.status === 'confirmed').map((h) => `${h.entryName}, ${h.listSource} ${h.entryRef}`),
        openHits: hits.filter((h) => h.status === 'open').length,
        workforces,
        attestation: attestation?.status ?? 'not_requested',
        kind: party.kind,
        isEmployer: party.kind === 'workforce' || directSubcontractors(ctx.graph, party.id).some((p) => p.kind === 'workforce'),
      }),
    };
  });
}
