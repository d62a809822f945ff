/**
 * The risk weights of this installation, kept in settings: read as a validated model (stored
 * weights that no longer validate give the shipped model, with the problems named), saved after
 * validation, or reset to the shipped weights.
 */
import { parseRiskWeights } from '../risk';
import type { RiskModel, RiskWeights } from '../risk';
import type { Repository } from './repository';

export const RISK_WEIGHTS_SETTING = 'risk.weights';

/** The model the app scores with, and any problems with the stored weights. */
export async function loadRiskModel(repo: Repository): Promise<{ model: RiskModel; errors: string[] }> {
  const { value, errors } = parseRiskWeights(await repo.getSetting<unknown>(RISK_WEIGHTS_SETTING));
  return { model: value, errors };
}

/** Validates and stores weights; returns the new model, or the problems (nothing stored then). */
export async function saveRiskWeights(repo: Repository, weights: unknown): Promise<{ model: RiskModel | null; errors: string[] }> {
  const { value, errors } = parseRiskWeights(weights);
  if (errors.length) return { model: null, errors };
  await repo.setSetting(RISK_WEIGHTS_SETTING, value.weights);
  return { model: value, errors: [] };
}

/** Goes back to the shipped weights. */
export async function resetRiskWeights(repo: Repository): Promise<void> {
  await repo.setSetting(RISK_WEIGHTS_SETTING, null);
}

export type { RiskWeights };
