/**
 * The risk engine's public surface, used by the UI, the report, the chain map and the CLI.
 * Keep it stable: add to it, do not change what is here.
 */
export { scoreProject, createRiskSession } from './engine';
export type { RiskSession, ScoreOptions } from './engine';
export {
  RISK_MODEL_VERSION, DEFAULT_WEIGHTS, LEVELS, EXPOSURE_RELATIONS, createRiskModel, parseRiskWeights, levelOf, levelRank, riskWeightsSchema,
} from './model';
export type { RiskLevel, RiskModel, RiskWeights, ExposureRelation } from './model';
export { INDICATORS, SEVERITIES, indicatorById } from './catalog';
export type { IndicatorDef, Severity } from './catalog';
export { FACTS, QUESTIONS, factById, questionsFor } from './facts';
export type { FactDef, PartyRole, QuestionText } from './facts';
export { COUNTRY_EVIDENCE, SECTOR_EVIDENCE, COUNTRY_TIERS, countryEvidence, sectorEvidence } from './context-tables';
export type { CountryEvidence, SectorEvidence, CountryTier } from './context-tables';
export { allSources } from './sources';
export type { SourceRef } from './sources';
export { REPATRIATION_DEADLINE } from './derive';
export { partyRole, questionsForParty, partyRiskById } from './helpers';
export type {
  EvidenceItem, ExposurePath, GapFinding, IndicatorFinding, PartyRisk, ProjectRiskResult, RedFlagSummary, RuledOut, ScoreLevel,
} from './types';
