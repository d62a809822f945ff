/**
 * The due-diligence report as a use case: its input is an assessment (screened under the policy,
 * stored decisions kept, scored) plus the audit log's state and the report options; the app and
 * `subtier report` both build it here, so the pages and the embedded data say what the risk screen
 * and `subtier score` say.
 */
import { verifyAuditChain } from '../model';
import type { AuditEntry } from '../model';
import { buildReport, riskResultsFrom } from '../report';
import type { BuiltReport, ReportFontBytes, ReportInput, ReportOptions, ScreeningListInfo } from '../report';
import type { ScreeningList } from '../screening';
import type { Assessment } from './assess-project';
import { assessStoredProject } from './stored-assessment';
import type { ProjectScreener } from './project-screening';
import type { Repository } from './repository';

/** The list facts a report prints, from a stored list. */
export function listInfoOf(list: ScreeningList): ScreeningListInfo {
  return {
    id: list.id,
    name: list.name,
    source: list.source,
    publishedAt: list.publishedAt,
    files: list.files.map((f) => ({ name: f.name, sha256: f.sha256 })),
    entries: list.counts.entries,
  };
}

export interface ReportContext {
  /** The whole audit log of the database (its chain is verified whole), or null from a project file. */
  readonly auditLog: readonly AuditEntry[] | null;
  readonly options: ReportOptions;
  /** Lists the project's stored hits came from that the assessment did not screen against. */
  readonly otherLists?: readonly ScreeningList[];
}

/** The report's input from an assessment. */
export function reportInputFrom(assessment: Assessment, context: ReportContext): ReportInput {
  const { snapshot, risk, model } = assessment;
  const lists = [...assessment.lists];
  const named = new Set(snapshot.hits.map((h) => h.listId));
  for (const l of context.otherLists ?? []) if (named.has(l.id) && !lists.some((x) => x.id === l.id)) lists.push(l);
  const log = context.auditLog;
  const projectId = snapshot.project.id;
  return {
    snapshot,
    risk: riskResultsFrom(risk, model, snapshot),
    lists: lists.map(listInfoOf),
    ...(assessment.lists.length ? { screeningPolicy: { threshold: assessment.policy.threshold, reviewFloor: assessment.policy.reviewFloor } } : {}),
    audit: log === null ? null : {
      verification: verifyAuditChain(log),
      entries: log.filter((e) => e.projectId === projectId).map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, entity: e.entity, entityId: e.entityId, action: e.action, hash: e.hash })),
    },
    options: context.options,
  };
}

export interface StoredReportDeps {
  /** The bundled lists, for stored hits made against them after they were removed from the database. */
  readonly bundledLists: () => Promise<readonly ScreeningList[]>;
  readonly screener?: ProjectScreener;
}

/** Gathers the input of a stored project's report as of `options.asOf`. */
export async function gatherReportInput(repo: Repository, projectId: string, options: ReportOptions, deps: StoredReportDeps): Promise<ReportInput> {
  const [assessment, auditLog] = await Promise.all([
    assessStoredProject(repo, projectId, { asOf: options.asOf, ...(deps.screener ? { screener: deps.screener } : {}) }),
    repo.auditLog(),
  ]);
  const missing = assessment.snapshot.hits.some((h) => !assessment.lists.some((l) => l.id === h.listId));
  const otherLists = missing ? await deps.bundledLists() : [];
  return reportInputFrom(assessment, { auditLog, options, otherLists });
}

/** Builds a stored project's report. */
export async function buildProjectReport(repo: Repository, projectId: string, options: ReportOptions, fonts: ReportFontBytes, deps: StoredReportDeps): Promise<BuiltReport> {
  return buildReport(await gatherReportInput(repo, projectId, options, deps), fonts);
}
