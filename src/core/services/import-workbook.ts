/**
 * Writes a workbook import plan to the repository. A plan for a new project is saved as one
 * snapshot; a merge writes only what changed, each record with its audit entry, in one transaction
 * that first checks nobody edited those records since the preview.
 */
import { emptySnapshot } from '../model';
import type { Link, Party } from '../model';
import type { ImportPlan } from '../io/import-plan';
import type { Repository } from './repository';

/** Thrown when the project changed between the preview and the import. */
export class StaleImportError extends Error {
  constructor(what: string) {
    super(`${what} was changed after the preview was made; preview the import again`);
    this.name = 'StaleImportError';
  }
}

/**
 * Writes a plan atomically: everything or nothing. Returns the id of the project written. Refuses a
 * plan that may not be applied (errors without "only valid rows").
 */
export async function applyImport(repo: Repository, plan: ImportPlan, note = 'workbook import'): Promise<string> {
  if (!plan.canApply) throw new Error('This import has errors; fix them, or choose to import only the valid rows.');
  const projectId = plan.result.project.id;
  if (plan.mode === 'new') {
    await repo.saveSnapshot(plan.result, new Map(), `${note}: ${plan.summary.parties.added} parties, ${plan.summary.links.added} links`);
    return projectId;
  }
  // Workers are sealed like every other write when a passphrase is set.
  const sealed = (await repo.sealForWrite({ ...emptySnapshot(plan.result.project), parties: plan.writes.parties })).snapshot.parties;
  await repo.mutate('parties', projectId, async (tx) => {
    const current = await tx.get<{ updatedAt: string }>('projects', projectId);
    if (!current) throw new StaleImportError('The project');
    for (const [id, version] of Object.entries(plan.base)) {
      const row = (await tx.get<{ updatedAt: string }>('parties', id)) ?? (await tx.get<{ updatedAt: string }>('links', id));
      if (!row || row.updatedAt !== version) throw new StaleImportError('A party or link');
    }
    if (plan.writes.project) {
      const before = await tx.get('projects', projectId);
      await tx.put('projects', plan.writes.project);
      await repo.audit(tx, projectId, 'project', projectId, before, plan.writes.project);
    }
    for (const party of sealed) {
      const before = await tx.get<Party>('parties', party.id);
      await tx.put('parties', party);
      await repo.audit(tx, projectId, 'party', party.id, before ?? null, party);
    }
    for (const link of plan.writes.links) {
      const before = await tx.get<Link>('links', link.id);
      await tx.put('links', link);
      await repo.audit(tx, projectId, 'link', link.id, before ?? null, link);
    }
  });
  return projectId;
}
