/**
 * The files the Import & export screen writes: the empty template, a project in the template
 * layout, the register workbook (scored now) and the project bundle, each with a file name that
 * says what it is and when it was made. Saving goes through the bridge (dialog or download).
 */
import { bundleFileName, writeRegister, writeTemplate } from '../../../src/core/io';
import { exportBundle } from '../../../src/core/services';
import type { ProjectSnapshot } from '../../../src/core/model';
import type { Repository } from '../../../src/core/services/repository';
import { scoreProject } from '../../../src/core/risk';
import { saveFile } from '../../app/bridge';

const XLSX_FILTER = [{ name: 'Excel workbook', extensions: ['xlsx'] }] as const;
const BUNDLE_FILTER = [{ name: 'Subtier project bundle', extensions: ['subtier'] }] as const;

/** A name safe on every system: "Stadium East Stand register 2026-05-03.xlsx". */
export function fileNameFor(projectName: string, what: string, date: string, extension: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const safe = projectName.replace(/[\\/:*?"<>|\u0000-\u001F]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'project';
  return `${safe} ${what} ${date.slice(0, 10)}.${extension}`;
}

/** The project with workers and evidence opened for display (as the app shows them now). */
async function openSnapshot(repo: Repository, projectId: string): Promise<ProjectSnapshot> {
  const [snapshot, parties, evidence] = await Promise.all([repo.loadSnapshot(projectId), repo.listParties(projectId), repo.listEvidence(projectId)]);
  return { ...snapshot, parties: [...parties].sort((a, b) => (a.id < b.id ? -1 : 1)), evidence: [...evidence].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

/** Saves bytes and returns a sentence for the user, or throws with the reason. */
async function save(name: string, bytes: Uint8Array, filters: readonly { name: string; extensions: readonly string[] }[], what: string): Promise<string> {
  const result = await saveFile({ suggestedName: name, bytes, filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })) });
  if (!result.ok) throw new Error(result.error);
  return result.value ? `Saved ${what} as ${result.value.name}.` : 'Not saved.';
}

export function saveTemplate(): Promise<string> {
  return save('Subtier import template.xlsx', writeTemplate(), XLSX_FILTER, 'the import template');
}

export async function saveProjectAsTemplate(repo: Repository, projectId: string, now: string): Promise<string> {
  const snapshot = await openSnapshot(repo, projectId);
  return save(fileNameFor(snapshot.project.name, 'workbook', now, 'xlsx'), writeTemplate(snapshot), XLSX_FILTER, 'the project in the template layout');
}

export async function saveRegister(repo: Repository, projectId: string, now: string, redactSensitive: boolean): Promise<string> {
  const snapshot = await openSnapshot(repo, projectId);
  const risk = scoreProject(snapshot, { asOf: now.slice(0, 10) });
  const bytes = writeRegister(snapshot, { risk, exportedAt: now, redactSensitive });
  return save(fileNameFor(snapshot.project.name, 'register', now, 'xlsx'), bytes, XLSX_FILTER, 'the register workbook');
}

export async function saveBundle(repo: Repository, projectId: string, now: string): Promise<string> {
  const project = await repo.getProject(projectId);
  const bytes = await exportBundle(repo, projectId, now);
  return save(bundleFileName(project?.name ?? 'project', now), bytes, BUNDLE_FILTER, 'the project bundle');
}
