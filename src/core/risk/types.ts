/**
 * The risk engine's result types: plain, JSON-serialisable data consumed by the UI, the report, the
 * chain map and the CLI. Every score carries its reasons (indicators with contribution, confidence,
 * evidence and sources; unknown facts; hard rules; paths) and the model that produced it.
 */
import type { Confidence } from '../model/records';
import type { PartyKind, Relation } from '../model/enums';
import type { SourceRef } from './sources';
import type { RiskLevel } from './model';

/** One piece of evidence behind an indicator, phrased for a person. */
export interface EvidenceItem {
  readonly kind: 'fact' | 'answer' | 'hit' | 'link' | 'context' | 'override';
  readonly text: string;
  /** Ids of the records it comes from: party, link, hit, questionnaire, override, evidence files. */
  readonly refs: readonly string[];
}

/** An indicator found on a party, before scoring. */
export interface Derivation {
  readonly indicatorId: string;
  readonly confidence: Confidence;
  /** 0-1: how fully the data establishes the indicator (1 unless the row says otherwise). */
  readonly strength: number;
  readonly evidence: EvidenceItem;
}

export interface IndicatorFinding {
  readonly id: string;
  readonly code: string;
  readonly title: string;
  readonly confidence: Confidence;
  readonly strength: number;
  readonly weight: number;
  /** Points of the party's inherent score this indicator accounts for. */
  readonly contribution: number;
  readonly evidence: readonly EvidenceItem[];
  readonly sources: readonly SourceRef[];
  /** True when an auditor added it (or confirmed it) with an override. */
  readonly addedByAuditor: boolean;
}

/** The part of an indicator's weight kept because the facts that would settle it are unknown. */
export interface GapFinding {
  readonly indicatorId: string;
  readonly title: string;
  readonly unknownFacts: readonly { readonly id: string; readonly label: string }[];
  readonly knownFacts: number;
  readonly contribution: number;
}

export interface RuledOut {
  readonly indicatorId: string;
  readonly title: string;
  readonly reason: string;
  readonly overrideId: string;
}

export interface ScoreLevel {
  readonly score: number;
  readonly level: RiskLevel;
}

/** One chain path that drives a party's exposure: ids from the party down to the source. */
export interface ExposurePath {
  readonly ids: readonly string[];
  readonly relations: readonly Relation[];
  /** The exposure this path brings to the first party, after attenuation. */
  readonly score: number;
}

export interface PartyRisk {
  readonly partyId: string;
  readonly name: string;
  readonly kind: PartyKind;
  readonly inherent: ScoreLevel;
  readonly exposure: ScoreLevel & { readonly via: string | null };
  readonly completeness: number;
  readonly knownFacts: number;
  readonly totalFacts: number;
  /** The weighted sums behind `completeness` (each fact weighs as much as the indicator it settles). */
  readonly factWeight: { readonly known: number; readonly total: number };
  readonly insufficient: boolean;
  readonly missingFacts: readonly { readonly id: string; readonly label: string }[];
  readonly indicators: readonly IndicatorFinding[];
  readonly gaps: readonly GapFinding[];
  readonly ruledOut: readonly RuledOut[];
  /** Hard rules that made the party critical, and level floors, in words. */
  readonly notes: readonly string[];
  readonly paths: readonly ExposurePath[];
}

export interface RedFlagSummary {
  readonly indicatorId: string;
  readonly code: string;
  readonly title: string;
  readonly parties: number;
  readonly confirmed: number;
}

export interface ProjectRiskResult {
  readonly modelVersion: string;
  readonly weightsHash: string;
  /** The assessment date used for date rules ('' when none was given and the project has no dates). */
  readonly asOf: string;
  readonly project: {
    readonly rating: RiskLevel;
    readonly score: number;
    readonly completeness: number;
    readonly insufficient: boolean;
    /** The party whose exposure sets the rating. */
    readonly drivenBy: string | null;
    readonly distribution: { readonly inherent: Readonly<Record<RiskLevel, number>>; readonly exposure: Readonly<Record<RiskLevel, number>> };
    readonly insufficientParties: number;
  };
  /** Parties in id order. */
  readonly parties: readonly PartyRisk[];
  readonly topRedFlags: readonly RedFlagSummary[];
  /** Party ids that most need attention, most urgent first. */
  readonly attention: readonly string[];
  /** Groups of party ids that form cycles along exposure relations; exposure never loops through them. */
  readonly cycles: readonly (readonly string[])[];
  readonly warnings: readonly string[];
}
