/**
 * The project's risk result, live: loads the project snapshot and the risk weights from settings,
 * scores once, then re-scores incrementally after each change (the session keeps what it can).
 * Other features use it to colour parties (`useRiskLevels`).
 */
import { useMemo, useRef } from 'react';
import { useServices } from '../../app/services-context';
import { useLive } from '../../app/use-live';
import { createRiskSession, parseRiskWeights } from '../../../src/core/risk';
import type { ProjectRiskResult, RiskLevel, RiskModel, RiskSession } from '../../../src/core/risk';
import type { ProjectSnapshot } from '../../../src/core/model';

/** Where the risk weights are kept in settings. */
export const RISK_WEIGHTS_SETTING = 'risk.weights';

export interface ProjectRisk {
  readonly snapshot: ProjectSnapshot;
  readonly result: ProjectRiskResult;
  readonly model: RiskModel;
  /** Problems with stored weights (the shipped weights are used instead). */
  readonly weightErrors: readonly string[];
}

const today = () => new Date().toISOString().slice(0, 10);

export function useProjectRisk(projectId: string | null): ProjectRisk | undefined {
  const { repo } = useServices();
  const data = useLive(async () => {
    if (!projectId) return null;
    const [snapshot, weights] = await Promise.all([repo.loadSnapshot(projectId), repo.getSetting<unknown>(RISK_WEIGHTS_SETTING)]);
    return { snapshot, weights };
  }, [projectId]);
  const session = useRef<{ key: string; session: RiskSession } | null>(null);
  return useMemo(() => {
    if (!data) return undefined;
    const { value: model, errors } = parseRiskWeights(data.weights);
    const asOf = today();
    const key = `${data.snapshot.project.id}|${model.weightsHash}|${asOf}`;
    let result: ProjectRiskResult;
    if (session.current?.key === key) result = session.current.session.update(data.snapshot);
    else {
      const created = createRiskSession(data.snapshot, { model, asOf });
      session.current = { key, session: created };
      result = created.result;
    }
    return { snapshot: data.snapshot, result, model, weightErrors: errors };
  }, [data]);
}

/** Risk level (by exposure) per party id, for colouring parties wherever they appear. */
export function useRiskLevels(projectId: string | null): ReadonlyMap<string, RiskLevel> {
  const risk = useProjectRisk(projectId);
  return useMemo(() => new Map((risk?.result.parties ?? []).map((p) => [p.partyId, p.exposure.level])), [risk]);
}
