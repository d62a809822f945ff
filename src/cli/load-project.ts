/**
 * Loads the PROJECT argument of CLI commands into a ProjectSnapshot. Accepts a project snapshot as
 * JSON (the demo project's format), a workbook in the import template (.xlsx, .xls, .ods, or a .csv
 * of the Parties sheet) and a .subtier bundle (verified before use). Errors name the file and what is
 * wrong with it; workbook problems are listed as `sheet!row:column: message`.
 */
import { parseProjectSnapshot } from '../core/model';
import type { Party, ProjectSnapshot } from '../core/model';
import { sequentialIds } from '../core/model';
import { formatProblem, planImport, readBundle, readTemplateFiles } from '../core/io';
import { readInput } from './io';
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

const WORKBOOK = /\.(xlsx|xlsm|xls|ods|csv)$/i;
const MAX_LISTED = 10;

/**
 * Reads a template workbook as a new project with ids numbered in row order, so the same file always
 * gives the same project (and the same report bytes).
 */
export function projectFromWorkbook(bytes: Uint8Array, file: string, today: string): ProjectSnapshot {
  const parsed = readTemplateFiles([{ name: file, bytes }]);
  const at = `${today}T00:00:00.000Z`;
  const stem = file.split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '');
  const plan = planImport(parsed, { target: { mode: 'new', projectName: stem }, ids: sequentialIds(), clock: () => at });
  if (plan.errors.length) {
    const lines = plan.errors.slice(0, MAX_LISTED).map((p) => `  ${formatProblem(p, file)}`);
    const more = plan.errors.length > MAX_LISTED ? `\n  ... and ${plan.errors.length - MAX_LISTED} more; run: subtier import-check ${file}` : '';
    throw new Error(`${file}: the workbook has ${plan.errors.length} error${plan.errors.length > 1 ? 's' : ''}:\n${lines.join('\n')}${more}`);
  }
  return plan.result;
}

/** Reads and verifies a .subtier bundle; warnings (upgraded, encrypted evidence) go to stderr. */
export async function projectFromBundle(bytes: Uint8Array, file: string, io: CliIo): Promise<ProjectSnapshot> {
  const read = await readBundle(bytes);
  if (!read.value) throw new Error(`${file}: ${read.errors.map((e) => e.message).join('; ')}`);
  for (const w of read.warnings) io.stderr(`${file}: warning: ${w.message}\n`);
  return read.value.snapshot;
}

export async function loadProject(path: string, io: CliIo): Promise<ProjectSnapshot> {
  const bytes = await readInput(io, path);
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return parseSnapshotJson(new TextDecoder().decode(bytes), path);
  if (lower.endsWith('.subtier')) return projectFromBundle(bytes, path, io);
  if (WORKBOOK.test(lower)) return projectFromWorkbook(bytes, path, io.today());
  // Unknown extension: judge by content.
  if (bytes[0] === 0x7b || (bytes[0] === 0xef && bytes[3] === 0x7b)) return parseSnapshotJson(new TextDecoder().decode(bytes), path);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const text = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
    return text.includes('manifest.json') ? projectFromBundle(bytes, path, io) : projectFromWorkbook(bytes, path, io.today());
  }
  throw new Error(`${path}: unsupported project file; give a project .json, a workbook in the import template (.xlsx) or a .subtier bundle`);
}

/**
 * Finds the party a `--party` argument names: its id, its reference code (the workbook ID, any
 * case), or its exact name (any case). Throws with the closest choices when none or several match.
 */
export function resolvePartyArg(snapshot: ProjectSnapshot, arg: string): Party {
  const wanted = arg.trim();
  const lower = wanted.toLowerCase();
  const byId = snapshot.parties.find((p) => p.id === wanted);
  if (byId) return byId;
  const byRef = snapshot.parties.filter((p) => p.ref.toLowerCase() === lower);
  if (byRef.length === 1) return byRef[0]!;
  const byName = snapshot.parties.filter((p) => p.name.toLowerCase() === lower);
  if (byName.length === 1) return byName[0]!;
  if (byName.length > 1) throw new Error(`--party ${arg}: ${byName.length} parties have that name; give the reference code instead (${byName.map((p) => p.ref || p.id).join(', ')})`);
  const close = snapshot.parties.filter((p) => p.ref.toLowerCase().includes(lower) || p.name.toLowerCase().includes(lower)).slice(0, 5);
  throw new Error(`--party ${arg}: no party with that reference code, id or name${close.length ? `; did you mean ${close.map((p) => `${p.ref || p.id} (${p.name})`).join(', ')}?` : ''}`);
}
