/**
 * Turns the risk engine's result into the report's risk input: the explanations the report prints
 * (indicator evidence in words, the evidence files behind it, sources as titles), without the
 * engine's internal detail. Kept separate so the report input stays a stable, explicit interface.
 */
import { INDICATORS } from '../risk/catalog';
import type { RiskModel } from '../risk/model';
import type { ProjectRiskResult } from '../risk/types';
import type { ProjectSnapshot } from '../model';
import type { RiskResults } from './report-input';

const sourceLabel = (s: { id: string; title: string }) => `[${s.id}] ${s.title}`;

/** Converts a project's risk result, scored under `model`, for the report. */
export function riskResultsFrom(result: ProjectRiskResult, model: RiskModel, snapshot: ProjectSnapshot): RiskResults {
  const evidenceIds = new Set(snapshot.evidence.map((e) => e.id));
  return {
    modelVersion: result.modelVersion,
    weightsHash: result.weightsHash,
    project: { rating: result.project.rating, score: result.project.score, completeness: result.project.completeness },
    parties: result.parties.map((p) => ({
      partyId: p.partyId,
      inherent: { score: p.inherent.score, level: p.inherent.level },
      exposure: { score: p.exposure.score, level: p.exposure.level },
      completeness: p.completeness,
      insufficient: p.insufficient,
      indicators: p.indicators.map((i) => {
        const override = i.evidence.find((e) => e.kind === 'override');
        return {
          id: i.id,
          title: i.title,
          confidence: i.confidence,
          contribution: i.contribution,
          detail: i.evidence.filter((e) => e.kind !== 'override').map((e) => e.text).join(' '),
          evidenceIds: [...new Set(i.evidence.flatMap((e) => e.refs).filter((r) => evidenceIds.has(r)))].sort(),
          sources: i.sources.map(sourceLabel),
          ...(i.addedByAuditor && override ? { overrideReason: override.text } : {}),
        };
      }),
      notes: [...p.notes],
      missingFacts: p.missingFacts.map((f) => f.label),
      paths: p.paths.map((x) => [...x.ids]),
    })),
    catalog: INDICATORS.map((d) => ({
      id: d.id,
      title: d.title,
      severity: d.severity,
      weight: model.weights.indicators[d.id] ?? d.weight,
      sources: d.sources.map(sourceLabel),
    })),
    cycles: result.cycles.map((c) => [...c]),
  };
}
