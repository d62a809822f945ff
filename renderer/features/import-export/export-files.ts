/**
 * Saving the files the Import & export screen makes (src/core/services/project-exports.ts) through
 * the bridge: a save dialog in the desktop app, a download in the browser.
 */
import { bundleFile, projectWorkbookFile, registerFile, templateFile } from '../../../src/core/services';
import type { ExportFile, ProjectScreener } from '../../../src/core/services';
import type { Repository } from '../../../src/core/services/repository';
import { saveFile } from '../../app/bridge';

const XLSX_FILTER = [{ name: 'Excel workbook', extensions: ['xlsx'] }];
const BUNDLE_FILTER = [{ name: 'Subtier project bundle', extensions: ['subtier'] }];

/** Saves a file and returns a sentence for the user, or throws with the reason. */
async function save(file: ExportFile, filters: { name: string; extensions: string[] }[], what: string): Promise<string> {
  const result = await saveFile({ suggestedName: file.name, bytes: file.bytes, filters });
  if (!result.ok) throw new Error(result.error);
  return result.value ? `Saved ${what} as ${result.value.name}.` : 'Not saved.';
}

export function saveTemplate(): Promise<string> {
  return save(templateFile(), XLSX_FILTER, 'the import template');
}

export async function saveProjectAsTemplate(repo: Repository, projectId: string, now: string): Promise<string> {
  return save(await projectWorkbookFile(repo, projectId, now), XLSX_FILTER, 'the project in the template layout');
}

export async function saveRegister(repo: Repository, projectId: string, now: string, redactSensitive: boolean, screener: ProjectScreener): Promise<string> {
  return save(await registerFile(repo, projectId, now, { redactSensitive, screener }), XLSX_FILTER, 'the register workbook');
}

export async function saveBundle(repo: Repository, projectId: string, now: string): Promise<string> {
  return save(await bundleFile(repo, projectId, now), BUNDLE_FILTER, 'the project bundle');
}
