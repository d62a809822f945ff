/**
 * Reading template files end to end, and writing an import plan to the repository. A plan for a new
 * project is saved as one snapshot; a merge writes only what changed, each record with its audit
 * entry, in one transaction that first checks nobody edited those records since the preview.
 */
import { emptySnapshot } from '../model';
import type { Link, Party } from '../model';
import type { Repository } from '../services/repository';
import type { Parsed } from './problems';
import { readSpreadsheet } from './spreadsheet-read';
import { combineWorkbooks, parseTemplate } from './template-parse';
import type { TemplateDraft } from './template-parse';
import type { ImportPlan } from './import-plan';
import type { RawWorkbook } from './raw-sheet';

export interface InputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Where reading has got to: `done` of `total` steps (one per file, then one for the sheets). */
export interface ReadProgress {
  readonly done: number;
  readonly total: number;
  /** The step about to run: "Reading Parties.csv", "Checking the sheets". */
  readonly step: string;
}

/**
 * Reads one workbook, or several CSV files (one per sheet), into a template draft with every
 * problem located. A file that cannot be read at all gives an empty draft and a file-level error.
 * `onProgress` is told before each step, so a caller off the interface thread can show it.
 */
export function readTemplateFiles(files: readonly InputFile[], onProgress?: (progress: ReadProgress) => void): Parsed<TemplateDraft> {
  const workbooks: RawWorkbook[] = [];
  const errors: Parsed<unknown>['errors'][number][] = [];
  const warnings: Parsed<unknown>['warnings'][number][] = [];
  const total = files.length + 1;
  for (const [i, file] of files.entries()) {
    onProgress?.({ done: i, total, step: `Reading ${file.name}` });
    const read = readSpreadsheet(file.bytes, file.name);
    // File-level problems name the file when several were given.
    const named = (p: (typeof read.errors)[number]) => (p.sheet === '' && files.length > 1 ? { ...p, message: `${file.name}: ${p.message}` } : p);
    errors.push(...read.errors.map(named));
    warnings.push(...read.warnings.map(named));
    if (read.value) workbooks.push(read.value);
  }
  if (!workbooks.length) return { value: { project: { fields: {}, origins: {} }, parties: [], links: [], workforce: [], sheets: {} }, errors, warnings };
  onProgress?.({ done: files.length, total, step: 'Checking the sheets' });
  const parsed = parseTemplate(combineWorkbooks(workbooks));
  return { value: parsed.value, errors: [...errors, ...parsed.errors], warnings: [...warnings, ...parsed.warnings] };
}

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
