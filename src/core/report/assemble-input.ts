/**
 * Gathers a report's input from what the app or the CLI has: the project snapshot, the sanctions
 * lists, the audit log and the risk model. Scores the project with the risk engine and, when asked,
 * screens it first (keeping every earlier review decision), so the report always speaks for the
 * project as it stands on the as-of date.
 */
import { verifyAuditChain } from '../model';
import type { AuditEntry, Clock, IdGenerator, ProjectSnapshot, ScreeningHit } from '../model';
import { createRiskModel, scoreProject } from '../risk';
import type { RiskModel } from '../risk';
import { NameIndex, screenProject } from '../screening';
import type { ScreeningList } from '../screening';
import type { ReportInput, ReportOptions, ScreeningListInfo } from './report-input';
import { riskResultsFrom } from './risk-adapter';

export interface AssembleRequest {
  readonly snapshot: ProjectSnapshot;
  readonly lists: readonly ScreeningList[];
  readonly options: ReportOptions;
  readonly riskModel?: RiskModel;
  /** The whole audit log of the database (its chain is verified whole), or null from a project file. */
  readonly auditLog?: readonly AuditEntry[] | null;
  /** Screen the project against `lists` before reporting (the CLI does; the app has screened already). */
  readonly screen?: { readonly clock: Clock; readonly ids: IdGenerator };
}

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

/** Applies a screening run to the snapshot's hits: upserts replace by id, removals drop. */
function applyScreening(hits: readonly ScreeningHit[], upserts: readonly ScreeningHit[], removals: readonly string[]): ScreeningHit[] {
  const byId = new Map(hits.map((h) => [h.id, h] as const));
  for (const id of removals) byId.delete(id);
  for (const h of upserts) byId.set(h.id, h);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function assembleReportInput(req: AssembleRequest): ReportInput {
  let snapshot = req.snapshot;
  if (req.screen && req.lists.length) {
    const run = screenProject(snapshot, new NameIndex([...req.lists]), { clock: req.screen.clock, ids: req.screen.ids });
    snapshot = { ...snapshot, hits: applyScreening(snapshot.hits, run.upserts, run.removals) };
  }
  const model = req.riskModel ?? createRiskModel();
  const result = scoreProject(snapshot, { model, asOf: req.options.asOf });
  const projectId = snapshot.project.id;
  const log = req.auditLog ?? null;
  return {
    snapshot,
    risk: riskResultsFrom(result, model, snapshot),
    lists: req.lists.map(listInfoOf),
    audit: log === null ? null : {
      verification: verifyAuditChain(log),
      entries: log.filter((e) => e.projectId === projectId).map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, entity: e.entity, entityId: e.entityId, action: e.action, hash: e.hash })),
    },
    options: req.options,
  };
}
