/**
 * The report model: everything the PDF will say, as plain data, decided before any drawing. It is
 * the reviewable, snapshot-testable middle of report building (input → model → PDF); the renderer
 * only lays it out.
 */
import type { AttestationStatus, Confidence, HitStatus, PartyKind, Relation } from '../model';
import type { LegalAuthority } from './legal-basis';
import type { ReportSectionId, RiskLevel } from './report-input';

export const REPORT_MODEL_VERSION = 'report-model-1';

export interface LevelScore {
  readonly level: RiskLevel;
  readonly score: number;
}

export interface ReportMeta {
  readonly reportId: string;
  readonly title: string;
  readonly projectName: string;
  readonly site: string;
  readonly hostCountry: string;
  readonly client: string;
  readonly projectPeriod: string;
  readonly organisation: string;
  readonly author: string;
  readonly asOf: string;
  readonly appVersion: string;
  readonly modelVersion: string;
  /** SHA-256 of the embedded report data (canonical JSON). */
  readonly dataSha256: string;
  readonly redacted: boolean;
}

export interface SummaryModel {
  readonly rating: RiskLevel;
  readonly score: number;
  readonly completeness: number;
  readonly partyCount: number;
  readonly linkCount: number;
  readonly levelCounts: Readonly<Record<RiskLevel, number>>;
  readonly insufficientCount: number;
  readonly keyFindings: readonly string[];
  readonly confirmedMatches: readonly { readonly party: string; readonly entry: string; readonly list: string; readonly ref: string }[];
  readonly openHits: number;
  readonly actionParties: readonly { readonly partyId: string; readonly name: string; readonly level: RiskLevel; readonly actions: readonly string[] }[];
}

export interface ScopeModel {
  readonly paragraphs: readonly string[];
  readonly modelVersion: string;
  readonly weightsHash: string;
  readonly indicators: readonly { readonly id: string; readonly title: string; readonly severity: string; readonly weight: number; readonly sources: string }[];
  /** Every source the catalog cites, "[S1] title", in id order. */
  readonly sources: readonly string[];
  readonly lists: readonly { readonly name: string; readonly source: string; readonly publishedAt: string; readonly files: string; readonly entries: number }[];
  readonly notExamined: readonly string[];
}

export interface ChainNode {
  readonly id: string;
  readonly label: string;
  readonly kind: PartyKind;
  /** Contract tier (0 = client); null when the party is linked only by payments, banking or ownership. */
  readonly tier: number | null;
  readonly level: RiskLevel;
  readonly insufficient: boolean;
  readonly country: string;
  readonly confirmedHit: boolean;
}

/** A line of the diagram: tier links point down the chain, others from payer, owner or account holder. */
export interface ChainEdge {
  readonly from: string;
  readonly to: string;
  readonly relation: Relation;
}

export interface ChainModel {
  readonly nodes: readonly ChainNode[];
  readonly edges: readonly ChainEdge[];
  readonly cycles: readonly string[];
}

export interface RegisterRow {
  readonly partyId: string;
  readonly ref: string;
  readonly name: string;
  readonly kind: string;
  readonly country: string;
  readonly tier: string;
  readonly inherent: LevelScore;
  readonly exposure: LevelScore;
  readonly insufficient: boolean;
  readonly completeness: number;
  readonly hits: string;
}

export const ACTIONS = ['verify_payroll', 'require_attestation', 'suspend_payments', 'terminate', 'escalate'] as const;
export type ActionId = (typeof ACTIONS)[number];

export const ACTION_TITLES: Readonly<Record<ActionId, string>> = {
  verify_payroll: 'Verify payroll',
  require_attestation: 'Require a supplier attestation',
  suspend_payments: 'Suspend payments',
  terminate: 'Terminate the relationship',
  escalate: 'Escalate',
};

export interface RecommendedAction {
  readonly action: ActionId;
  readonly title: string;
  readonly reason: string;
}

export interface FindingModel {
  readonly partyId: string;
  readonly name: string;
  readonly ref: string;
  readonly kind: string;
  readonly country: string;
  readonly tier: string;
  readonly inherent: LevelScore;
  readonly exposure: LevelScore;
  readonly completeness: number;
  readonly insufficient: boolean;
  readonly indicators: readonly {
    readonly title: string;
    readonly confidence: Confidence;
    readonly contribution: number;
    readonly detail: string;
    readonly evidence: readonly string[];
    readonly sources: string;
  }[];
  /** Hard rules and floors that set the level, and the facts still unknown. */
  readonly notes: readonly string[];
  readonly missingFacts: readonly string[];
  /** Paths below the party that drive its exposure, as names joined by arrows. */
  readonly exposurePaths: readonly string[];
  /** Chains from the client down to this party: the contractors this party exposes. */
  readonly exposesContractors: readonly string[];
  readonly actions: readonly RecommendedAction[];
}

export interface ScreeningRow {
  readonly party: string;
  readonly queryName: string;
  readonly list: string;
  readonly entry: string;
  readonly entryRef: string;
  readonly score: number;
  readonly status: HitStatus;
  readonly reviewer: string;
  readonly reviewedAt: string;
  readonly reason: string;
}

export interface EvidenceRow {
  readonly file: string;
  readonly title: string;
  readonly subject: string;
  readonly type: string;
  readonly sha256: string;
  readonly date: string;
  readonly sensitive: boolean;
}

export interface AttestationRow {
  readonly partyId: string;
  readonly supplier: string;
  readonly status: AttestationStatus;
  readonly requestedAt: string;
  readonly receivedAt: string;
  readonly signatory: string;
  readonly issues: readonly string[];
}

export interface AuditModel {
  readonly available: boolean;
  readonly verified: boolean;
  readonly statement: string;
  readonly rows: readonly { readonly seq: number; readonly at: string; readonly actor: string; readonly action: string; readonly entity: string; readonly hash: string }[];
  readonly omitted: number;
}

export interface SignoffModel {
  readonly statement: string;
  readonly author: string;
  readonly organisation: string;
  readonly asOf: string;
}

export interface ReportModel {
  readonly version: typeof REPORT_MODEL_VERSION;
  readonly meta: ReportMeta;
  readonly sections: readonly ReportSectionId[];
  readonly summary: SummaryModel;
  readonly scope: ScopeModel;
  readonly legal: { readonly authorities: readonly LegalAuthority[]; readonly disclaimer: string };
  readonly chain: ChainModel;
  readonly register: readonly RegisterRow[];
  readonly findings: readonly FindingModel[];
  readonly screening: { readonly rows: readonly ScreeningRow[]; readonly listsAsOf: string };
  readonly evidence: { readonly rows: readonly EvidenceRow[]; readonly attestations: readonly AttestationRow[] };
  readonly audit: AuditModel;
  readonly signoff: SignoffModel;
}
