/**
 * The files a project is exported as: the empty import template, the project in the template
 * layout, the register workbook (assessed as of the export date, the same judgement as the risk
 * screen) and the project bundle, each with a file name that says what it is and when it was made.
 * The shell saves the bytes (a dialog in the desktop app, a download in the browser).
 */
import { bundleFileName, writeRegister, writeTemplate } from '../io';
import type { ProjectSnapshot } from '../model';
import { exportBundle } from './bundle-apply';
import type { ProjectScreener } from './project-screening';
import type { Repository } from './repository';
import { assessStoredProject } from './stored-assessment';

export interface ExportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A name safe on every system: "Stadium East Stand register 2026-05-03.xlsx". */
export function exportFileName(projectName: string, what: string, date: string, extension: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const safe = projectName.replace(/[\\/:*?"<>|\u0000-\u001F]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'project';
  return `${safe} ${what} ${date.slice(0, 10)}.${extension}`;
}

/** The project with workers and evidence opened for display (as the app shows them now). */
async function openSnapshot(repo: Repository, projectId: string, base?: ProjectSnapshot): Promise<ProjectSnapshot> {
  const [snapshot, parties, evidence] = await Promise.all([base ?? repo.loadSnapshot(projectId), repo.listParties(projectId), repo.listEvidence(projectId)]);
  return { ...snapshot, parties: [...parties].sort((a, b) => (a.id < b.id ? -1 : 1)), evidence: [...evidence].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

export function templateFile(): ExportFile {
  return { name: 'Subtier import template.xlsx', bytes: writeTemplate() };
}

export async function projectWorkbookFile(repo: Repository, projectId: string, now: string): Promise<ExportFile> {
  const snapshot = await openSnapshot(repo, projectId);
  return { name: exportFileName(snapshot.project.name, 'workbook', now, 'xlsx'), bytes: writeTemplate(snapshot) };
}

/** The register, with every party assessed as of the export date. */
export async function registerFile(repo: Repository, projectId: string, now: string, options: { readonly redactSensitive: boolean; readonly screener?: ProjectScreener }): Promise<ExportFile> {
  const assessment = await assessStoredProject(repo, projectId, { asOf: now.slice(0, 10), ...(options.screener ? { screener: options.screener } : {}) });
  const snapshot = await openSnapshot(repo, projectId, assessment.snapshot);
  const bytes = writeRegister(snapshot, { risk: assessment.risk, exportedAt: now, redactSensitive: options.redactSensitive });
  return { name: exportFileName(snapshot.project.name, 'register', now, 'xlsx'), bytes };
}

export async function bundleFile(repo: Repository, projectId: string, now: string): Promise<ExportFile> {
  const project = await repo.getProject(projectId);
  const bytes = await exportBundle(repo, projectId, now);
  return { name: bundleFileName(project?.name ?? 'project', now), bytes };
}
