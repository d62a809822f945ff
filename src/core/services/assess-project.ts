/**
 * The one judgement: a project assessed as "screen with the policy, keep every stored review
 * decision, then score". The app's risk screen, `subtier score`, `subtier report` and the report's
 * embedded data all come from here, so the same project, lists, policy, weights and date give the
 * same answer wherever it is asked.
 */
import { canonicalJson } from '../model';
import type { ProjectSnapshot, ScreeningHit } from '../model';
import { createRiskSession, scoreProject } from '../risk';
import type { ProjectRiskResult, RiskModel, RiskSession } from '../risk';
import type { NameIndex, ProjectScreening, ScreeningList, ScreeningPolicy } from '../screening';
import { screenSnapshot } from './project-screening';

export interface AssessmentOptions {
  /** The lists to screen against; none means the project is not screened and its stored hits stand. */
  readonly lists: readonly ScreeningList[];
  readonly policy: ScreeningPolicy;
  readonly model: RiskModel;
  /** The date the assessment speaks for, YYYY-MM-DD (date rules, and the time stamped on new hits). */
  readonly asOf: string;
  /** An index already built over `lists`, to reuse between assessments. */
  readonly index?: NameIndex;
}

export interface Assessment {
  /** The project with its hits as screened: new hits added, earlier decisions kept. */
  readonly snapshot: ProjectSnapshot;
  /** The screening run, or null when the project was not screened. */
  readonly screening: ProjectScreening | null;
  readonly risk: ProjectRiskResult;
  readonly lists: readonly ScreeningList[];
  readonly policy: ScreeningPolicy;
  readonly model: RiskModel;
  readonly asOf: string;
}

/** A screening run applied to the project's hits: upserts replace by id, removals drop. */
export function applyScreening(snapshot: ProjectSnapshot, run: ProjectScreening | null): ProjectSnapshot {
  if (!run || (run.upserts.length === 0 && run.removals.length === 0)) return snapshot;
  const byId = new Map<string, ScreeningHit>(snapshot.hits.map((h) => [h.id, h]));
  for (const id of run.removals) byId.delete(id);
  for (const h of run.upserts) byId.set(h.id, h);
  const hits = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...snapshot, hits };
}

/**
 * A run made for an earlier state of the project, fitted to the current one while the next run is
 * on its way: the new hits it found for parties that still exist, and the removals of hits still
 * open. Stored hits keep their stored form, so a decision made since is never hidden.
 */
export function carryScreening(run: ProjectScreening, snapshot: ProjectSnapshot): ProjectScreening {
  const parties = new Set(snapshot.parties.map((p) => p.id));
  const stored = new Map(snapshot.hits.map((h) => [h.id, h]));
  return {
    ...run,
    upserts: run.upserts.filter((h) => parties.has(h.partyId) && !stored.has(h.id)),
    removals: run.removals.filter((id) => stored.get(id)?.status === 'open'),
  };
}

/** Screens (when lists are given) and scores a project in one pass. */
export function assessProject(snapshot: ProjectSnapshot, options: AssessmentOptions): Assessment {
  const screening = options.lists.length
    ? screenSnapshot(snapshot, options.index ?? options.lists, options.policy, { mode: 'transient', asOf: options.asOf })
    : null;
  return assessScreened(snapshot, screening, options);
}

/** Scores a project whose screening run was made elsewhere (the app screens in a worker). */
export function assessScreened(snapshot: ProjectSnapshot, screening: ProjectScreening | null, options: Omit<AssessmentOptions, 'index'>): Assessment {
  const screened = applyScreening(snapshot, screening);
  const risk = scoreProject(screened, { model: options.model, asOf: options.asOf });
  return { snapshot: screened, screening, risk, lists: options.lists, policy: options.policy, model: options.model, asOf: options.asOf };
}

/**
 * Assessments of one project over time, for a screen that stays live: the risk engine keeps what
 * it can between edits and re-scores only what changed. Gives the same results as `assessScreened`.
 * The engine tells a changed record by its updatedAt, which the repository stamps on every write;
 * hits made or refreshed by screening carry the as-of date instead, so a hit whose content changed
 * since the last assessment is handed to the engine with an updatedAt of its own.
 */
export class AssessmentSession {
  private risk: { key: string; session: RiskSession } | null = null;
  private fed = new Map<string, { json: string; hit: ScreeningHit }>();
  private revision = 0;

  /** The hits as the engine sees them: unchanged ones as last time, changed ones restamped. */
  private hitsForEngine(hits: readonly ScreeningHit[]): ScreeningHit[] {
    const next = new Map<string, { json: string; hit: ScreeningHit }>();
    const out = hits.map((h) => {
      const before = this.fed.get(h.id);
      const json = canonicalJson(h);
      const hit = !before ? h : before.json === json ? before.hit : { ...h, updatedAt: `${h.updatedAt} revision ${++this.revision}` };
      next.set(h.id, { json, hit });
      return hit;
    });
    this.fed = next;
    return out;
  }

  assess(snapshot: ProjectSnapshot, screening: ProjectScreening | null, options: Omit<AssessmentOptions, 'index'>): Assessment {
    const screened = applyScreening(snapshot, screening);
    const key = `${snapshot.project.id}|${options.model.weightsHash}|${options.asOf}`;
    if (this.risk?.key !== key) this.fed = new Map();
    const forEngine = { ...screened, hits: this.hitsForEngine(screened.hits) };
    let result: ProjectRiskResult;
    if (this.risk?.key === key) result = this.risk.session.update(forEngine);
    else {
      const session = createRiskSession(forEngine, { model: options.model, asOf: options.asOf });
      this.risk = { key, session };
      result = session.result;
    }
    return { snapshot: screened, screening, risk: result, lists: options.lists, policy: options.policy, model: options.model, asOf: options.asOf };
  }
}
