/**
 * The risk model's tunable numbers: indicator weights, confidence factors, the weight given to
 * unknown facts, attenuation per relation, level thresholds and hard-rule floors. They are data,
 * editable in Settings, validated on the way in, and stamped on every result with the model
 * version and a SHA-256 of the canonical JSON of the weights, so a score can be reproduced later.
 */
import { z } from 'zod';
import { canonicalJson, sha256Hex } from '../model/hash';
import type { Confidence } from '../model/records';
import { INDICATORS } from './catalog';

/** Version of the combination method (not of the weights); bump when the maths changes. */
export const RISK_MODEL_VERSION = 'subtier-risk-1.0';

export const LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof LEVELS)[number];

/** Relations along which exposure travels, and which end is exposed (see propagate.ts). */
export const EXPOSURE_RELATIONS = ['subcontracts', 'supplies_labor', 'employs', 'recruits', 'pays', 'banks_with'] as const;
export type ExposureRelation = (typeof EXPOSURE_RELATIONS)[number];

const factor = z.number().min(0).max(1);

export const riskWeightsSchema = z.object({
  /** Indicator id → weight 0-100. Ids the catalog does not know are rejected. */
  indicators: z.record(z.string(), z.number().min(0).max(100)),
  confidence: z.object({ confirmed: factor, reported: factor, suspected: factor }),
  /**
   * Share of an indicator's weight that counts while the facts that would establish or rule it out
   * are unknown. Must stay at or below suspected × 0.4 (the weakest derivation), so that learning a
   * red flag can never lower a score.
   */
  unknownFactor: factor,
  attenuation: z.object(Object.fromEntries(EXPOSURE_RELATIONS.map((r) => [r, factor])) as Record<ExposureRelation, typeof factor>),
  thresholds: z.object({ medium: z.number().min(0).max(100), high: z.number().min(0).max(100), critical: z.number().min(0).max(100) }),
  /** Score given to a party a hard rule makes critical, if its combined score is lower. */
  hardRuleFloor: z.number().min(0).max(100),
  /** Completeness below which a party is "insufficient information" and cannot be rated low. */
  insufficientBelow: factor,
}).superRefine((w, ctx) => {
  for (const id of Object.keys(w.indicators)) {
    if (!INDICATORS.some((d) => d.id === id)) ctx.addIssue({ code: 'custom', path: ['indicators', id], message: 'is not an indicator of the catalog' });
  }
  if (!(w.thresholds.medium < w.thresholds.high && w.thresholds.high < w.thresholds.critical)) {
    ctx.addIssue({ code: 'custom', path: ['thresholds'], message: 'must rise: medium < high < critical' });
  }
  if (w.hardRuleFloor < w.thresholds.critical) ctx.addIssue({ code: 'custom', path: ['hardRuleFloor'], message: 'must be at least the critical threshold' });
  if (w.unknownFactor > w.confidence.suspected * 0.4) ctx.addIssue({ code: 'custom', path: ['unknownFactor'], message: 'must not exceed 0.4 × the suspected factor' });
  if (!(w.confidence.suspected <= w.confidence.reported && w.confidence.reported <= w.confidence.confirmed)) {
    ctx.addIssue({ code: 'custom', path: ['confidence'], message: 'must rise: suspected ≤ reported ≤ confirmed' });
  }
});
export type RiskWeights = z.infer<typeof riskWeightsSchema>;

/** The shipped weights. Changing one changes the weights hash printed on every report. */
export const DEFAULT_WEIGHTS: RiskWeights = {
  indicators: Object.fromEntries(INDICATORS.map((d) => [d.id, d.weight])),
  confidence: { confirmed: 1, reported: 0.75, suspected: 0.5 },
  unknownFactor: 0.025,
  attenuation: { employs: 0.95, supplies_labor: 0.9, subcontracts: 0.9, recruits: 0.85, pays: 0.9, banks_with: 0.7 },
  thresholds: { medium: 20, high: 45, critical: 75 },
  hardRuleFloor: 90,
  insufficientBelow: 0.4,
};

export interface RiskModel {
  readonly version: string;
  readonly weights: RiskWeights;
  /** SHA-256 (hex) of canonical JSON of { version, weights }. */
  readonly weightsHash: string;
}

/**
 * Models already built, by the weights object they were built from: scoring without a model (the
 * shipped weights, or the same settings object again) should not hash the weights on every call,
 * and per-model tables (fact-state.ts) live as long as the model. Weights are treated as immutable.
 */
const modelByWeights = new WeakMap<RiskWeights, RiskModel>();

/** Builds the model for a set of weights; indicators missing from `weights` take their catalog weight. */
export function createRiskModel(weights: RiskWeights = DEFAULT_WEIGHTS): RiskModel {
  let model = modelByWeights.get(weights);
  if (!model) {
    const full: RiskWeights = { ...weights, indicators: { ...DEFAULT_WEIGHTS.indicators, ...weights.indicators } };
    model = { version: RISK_MODEL_VERSION, weights: full, weightsHash: sha256Hex(canonicalJson({ version: RISK_MODEL_VERSION, weights: full })) };
    modelByWeights.set(weights, model);
  }
  return model;
}

/**
 * Validates weights read from settings or a file. Never throws: invalid input gives the default
 * model and the problems, phrased for a person.
 */
export function parseRiskWeights(input: unknown): { value: RiskModel; errors: string[] } {
  if (input === undefined || input === null) return { value: createRiskModel(), errors: [] };
  const result = riskWeightsSchema.safeParse(input);
  if (result.success) return { value: createRiskModel(result.data), errors: [] };
  return { value: createRiskModel(), errors: result.error.issues.map((i) => `${i.path.join('.') || 'weights'}: ${i.message}`) };
}

/** The level of a 0-100 score under the model's thresholds. */
export function levelOf(score: number, weights: RiskWeights): RiskLevel {
  const t = weights.thresholds;
  return score >= t.critical ? 'critical' : score >= t.high ? 'high' : score >= t.medium ? 'medium' : 'low';
}

export const levelRank = (level: RiskLevel): number => LEVELS.indexOf(level);

/** The factor a confidence multiplies an indicator's weight by. */
export function confidenceFactor(confidence: Confidence, weights: RiskWeights): number {
  return weights.confidence[confidence];
}
