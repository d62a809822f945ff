/**
 * Loads the PROJECT argument of CLI commands into a ProjectSnapshot. Accepts a project snapshot as
 * JSON (the demo project's format). Workbooks in the import template and .subtier bundles are added by
 * the spreadsheet and bundle capability. Errors name the file and what is wrong with it.
 */
import { parseProjectSnapshot } from '../core/model';
import type { ProjectSnapshot } from '../core/model';
import type { CliIo } from './io';

/** Parses a project snapshot from JSON text; throws an Error naming `file` and the first problems. */
export function parseSnapshotJson(text: string, file: string): ProjectSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const result = parseProjectSnapshot(data, 5);
  if (!result.ok) throw new Error(`${file}: not a Subtier project: ${result.problems.join('; ')}`);
  return result.snapshot;
}

export async function loadProject(path: string, io: CliIo): Promise<ProjectSnapshot> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    throw new Error(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
  }
  if (path.toLowerCase().endsWith('.json')) return parseSnapshotJson(new TextDecoder().decode(bytes), path);
  throw new Error(`${path}: unsupported project file; give a project .json`);
}
