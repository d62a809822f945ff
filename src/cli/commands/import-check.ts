/**
 * `subtier import-check FILE`: checks a workbook in the import template (or CSV files, one per sheet,
 * or a .subtier bundle) without importing anything, printing each problem as
 * `sheet!row:column: message`. Exit 1 when there are errors, 0 when the file is clean.
 */
import { formatProblem, planImport, readBundle, readTemplateFiles, sortProblems } from '../../core/io';
import { sequentialIds } from '../../core/model';
import type { CliCommand, CliIo } from '../io';
import { UsageError, parseArgs, readInput } from '../io';

const USAGE = `Usage: subtier import-check FILE [FILE...] [--quiet]

Checks FILE before it is imported, offline, and changes nothing.
  FILE      a workbook in the import template (.xlsx, .xls, .ods), CSV files (one per sheet:
            Parties.csv, Links.csv, Workforce.csv, Project.csv), or a .subtier bundle.
  --quiet   print errors only, not warnings.

Prints one line per problem, "sheet!row:column: message" (warnings say "warning:"), then a
summary of rows per sheet. Exit code 0 when there are no errors, 1 when there are.`;

async function checkBundle(path: string, io: CliIo, quiet: boolean): Promise<number> {
  const read = await readBundle(await io.readFile(path));
  for (const e of read.errors) io.stdout(`${path}: ${e.message}\n`);
  if (!quiet) for (const w of read.warnings) io.stdout(`${path}: warning: ${w.message}\n`);
  if (!read.value) return 1;
  const s = read.value.snapshot;
  io.stdout(`${path}: bundle verified: "${s.project.name}", ${s.parties.length} parties, ${s.links.length} links, ${s.evidence.length} evidence files, ${read.value.audit.length} audit entries; every SHA-256 matches\n`);
  return 0;
}

export const importCheckCommand: CliCommand = {
  name: 'import-check',
  summary: 'check a workbook (or CSV files, or a bundle) before import; lists problems by cell',
  usage: USAGE,
  async run(args, io) {
    const opts = parseArgs(args, { booleans: ['quiet'] });
    if (!opts.positionals.length) throw new UsageError('give the file to check');
    const quiet = opts.flag('quiet');
    const paths = opts.positionals;
    if (paths.length === 1 && paths[0]!.toLowerCase().endsWith('.subtier')) return checkBundle(paths[0]!, io, quiet);
    const files = [];
    for (const path of paths) {
      files.push({ name: path, bytes: await readInput(io, path) });
    }
    const parsed = readTemplateFiles(files);
    const plan = planImport(parsed, { target: { mode: 'new' }, ids: sequentialIds(), clock: () => `${io.today()}T00:00:00.000Z` });
    const label = paths.length === 1 ? paths[0]! : 'files';
    // File-level problems first, then sheet by sheet in template order, row by row.
    const s = parsed.value.sheets;
    const problems = sortProblems([...plan.errors, ...(quiet ? [] : plan.warnings)], [s.project, s.parties, s.links, s.workforce].filter((x): x is string => Boolean(x)));
    for (const p of problems) io.stdout(`${formatProblem(p, label)}\n`);
    const c = plan.counts;
    const part = (name: string, r: { rows: number; valid: number }) => `${name} ${r.rows} row${r.rows === 1 ? '' : 's'}${r.rows !== r.valid ? ` (${r.rows - r.valid} with errors)` : ''}`;
    io.stdout(`${label}: ${part('Parties', c.parties)}, ${part('Links', c.links)}, ${part('Workforce', c.workforce)}, ${c.projectFields} project fields; ${plan.errors.length} error${plan.errors.length === 1 ? '' : 's'}, ${plan.warnings.length} warning${plan.warnings.length === 1 ? '' : 's'}\n`);
    return plan.errors.length ? 1 : 0;
  },
};
