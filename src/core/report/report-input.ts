/**
 * What a due-diligence report is built from, as one explicit, serialisable interface: the project
 * snapshot, the risk results, the screening lists' metadata, the audit log's state and the report
 * options. The same object, canonically serialised, is embedded in the PDF and hashed on its cover,
 * so a report can always be rebuilt and checked from its own contents.
 */
import type { AuditVerification, Confidence, ProjectSnapshot } from '../model';

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The sections a report can contain, in print order. The cover is always printed. */
export const REPORT_SECTIONS = [
  'summary', 'scope', 'legal', 'chain', 'register', 'findings', 'screening', 'evidence', 'audit', 'signoff',
] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];

export const SECTION_TITLES: Readonly<Record<ReportSectionId, string>> = {
  summary: 'Executive summary',
  scope: 'Scope and methodology',
  legal: 'Legal basis',
  chain: 'Contractor chain',
  register: 'Party register',
  findings: 'Findings for high and critical parties',
  screening: 'Sanctions screening results',
  evidence: 'Evidence register and supplier attestations',
  audit: 'Audit log',
  signoff: 'Sign-off',
};

export interface ReportOptions {
  /** The date the report speaks for, YYYY-MM-DD; also its creation date, so output is reproducible. */
  readonly asOf: string;
  /** Replace worker-identifying data with stable pseudonyms (NGO edition). */
  readonly redact: boolean;
  readonly sections: readonly ReportSectionId[];
  readonly author: string;
  readonly organisation: string;
}

/** One indicator behind a party's score, as the risk engine explains it. */
export interface IndicatorFinding {
  readonly id: string;
  readonly title: string;
  readonly confidence: Confidence;
  /** Points this indicator added to the inherent score. */
  readonly contribution: number;
  /** Why it applies: the fact, answer or hit that establishes it. */
  readonly detail: string;
  readonly evidenceIds: readonly string[];
  readonly sources: readonly string[];
  /** Set when an auditor added the indicator by hand. */
  readonly overrideReason?: string;
}

export interface PartyRisk {
  readonly partyId: string;
  readonly inherent: { readonly score: number; readonly level: RiskLevel };
  readonly exposure: { readonly score: number; readonly level: RiskLevel };
  /** Share of the facts that matter which are known, 0..1. */
  readonly completeness: number;
  readonly insufficient: boolean;
  readonly indicators: readonly IndicatorFinding[];
  /** Hard rules and level floors that set the level, in words. */
  readonly notes: readonly string[];
  /** The facts that matter which are unknown. */
  readonly missingFacts: readonly string[];
  /** Top exposure paths, each a list of party ids from this party down to the source of the risk. */
  readonly paths: readonly (readonly string[])[];
}

export interface CatalogEntry {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly weight: number;
  readonly sources: readonly string[];
}

export interface RiskResults {
  readonly modelVersion: string;
  readonly weightsHash: string;
  readonly project: { readonly rating: RiskLevel; readonly score: number; readonly completeness: number };
  readonly parties: readonly PartyRisk[];
  readonly catalog: readonly CatalogEntry[];
  /** Groups of party ids that subcontract to each other in a loop. */
  readonly cycles: readonly (readonly string[])[];
}

/** A sanctions list the project was screened against, with the facts that identify the file. */
export interface ScreeningListInfo {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  /** Publication date written in the list file, YYYY-MM-DD or ''. */
  readonly publishedAt: string;
  /** The files the list was read from, with their SHA-256. */
  readonly files: readonly { readonly name: string; readonly sha256: string }[];
  readonly entries: number;
}

/** The audit log without before/after contents, which may hold worker data. */
export interface AuditSummaryEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly hash: string;
}

export interface AuditState {
  /** The result of verifying the whole hash chain of the database's log. */
  readonly verification: AuditVerification;
  /** This project's entries, in order. */
  readonly entries: readonly AuditSummaryEntry[];
}

/** The screening policy the project was screened under (absent in reports made before it was recorded). */
export interface ScreeningPolicyInfo {
  readonly threshold: number;
  readonly reviewFloor: number;
}

export interface ReportInput {
  readonly snapshot: ProjectSnapshot;
  readonly risk: RiskResults;
  readonly lists: readonly ScreeningListInfo[];
  readonly screeningPolicy?: ScreeningPolicyInfo;
  /** Null when the report is built from a project file rather than the app's database. */
  readonly audit: AuditState | null;
  readonly options: ReportOptions;
}
