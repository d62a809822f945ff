/**
 * `subtier screen`: screens names against the bundled DPRK snapshot and any list files given, and
 * writes one JSON line per name with its matches at or above the threshold, best first, each with
 * the list, the entry's reference, the listed and the matched name, the score and an explanation.
 */
import { DEFAULT_SCREENING_CONFIG, NameIndex, formatIssue, importList, parseSnapshotText, resolveConfig, screenName } from '../../core/screening';
import type { QueryKind, ScreeningList } from '../../core/screening';
import { readAsset } from '../assets';
import type { CliCommand, CliIo } from '../io';
import { UsageError, parseArgs, readInput } from '../io';

const USAGE = `Usage: subtier screen [--list FILE]... [--names FILE|-] [--threshold T]

Screens names against the bundled UN and OFAC DPRK snapshot, offline.
  --list FILE     add a list: a UN consolidated list XML, an OFAC sdn.csv (alt.csv and add.csv are
                  read from the same folder), or a CSV/XLSX watchlist; repeatable. A UN or OFAC file
                  replaces the bundled selection of that list.
  --names FILE    names to screen, one a line, or JSON lines with a "query" field (and optionally
                  "kind": "person" or "organization"); - or no option reads standard input.
  --threshold T   report matches scoring at least T (0..1; default ${DEFAULT_SCREENING_CONFIG.threshold}).

Writes one JSON line per name: {"query", "matches": [{"list", "ref", "name", "matchedName", "score",
"program", "explanation"}]}, best match first.`;

async function loadListFile(path: string, io: CliIo, index: number): Promise<ScreeningList> {
  const read = async (p: string) => ({ name: p, bytes: await io.readFile(p) });
  const main = { name: path, bytes: await readInput(io, path) };
  const files = [main];
  if (/(^|[\\/])sdn\.csv$/i.test(path)) {
    const dir = path.slice(0, path.length - 'sdn.csv'.length);
    for (const side of ['alt.csv', 'add.csv']) {
      try {
        files.push(await read(dir + side));
      } catch {
        io.stderr(`subtier screen: ${dir}${side} not found; screening ${path} without it\n`);
      }
    }
  }
  const result = importList(files, { id: `cli-${index}`, importedAt: io.today() });
  if (!result.value) throw new Error(`${path} could not be imported:\n${result.errors.slice(0, 10).map((e) => `  ${formatIssue(e)}`).join('\n')}`);
  return result.value;
}

interface Query {
  readonly query: string;
  readonly kind: QueryKind;
}

function parseNames(text: string, source: string): { queries: Query[]; problems: string[] } {
  const queries: Query[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (!line.startsWith('{')) {
      queries.push({ query: line, kind: 'any' });
      return;
    }
    try {
      const obj = JSON.parse(line) as { query?: unknown; kind?: unknown };
      if (typeof obj.query !== 'string' || !obj.query.trim()) throw new Error('no "query" text');
      const kind = obj.kind === 'person' || obj.kind === 'organization' ? obj.kind : 'any';
      queries.push({ query: obj.query, kind });
    } catch (error) {
      problems.push(`${source} line ${i + 1}: ${(error as Error).message}`);
    }
  });
  return { queries, problems };
}

export const screenCommand: CliCommand = {
  name: 'screen',
  summary: 'screen names against the UN and OFAC DPRK lists (and list files you give)',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs(args, { values: ['list', 'names', 'threshold'] });
    if (parsed.positionals.length) throw new UsageError(`unexpected argument ${parsed.positionals[0]}`);
    const thresholdText = parsed.value('threshold');
    const threshold = thresholdText === undefined ? DEFAULT_SCREENING_CONFIG.threshold : Number(thresholdText);
    if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1) throw new UsageError('--threshold must be a number above 0 and at most 1');
    const config = resolveConfig({ threshold, reviewFloor: threshold, maxResults: 20 });

    const bundled = parseSnapshotText(new TextDecoder().decode(await readAsset('reference/sanctions-snapshot.json')));
    if (!bundled.snapshot) throw new Error(`the bundled sanctions snapshot is damaged: ${bundled.problems.join('; ')}`);
    let lists: ScreeningList[] = [...bundled.snapshot.lists];
    let n = 0;
    for (const path of parsed.all('list')) {
      const list = await loadListFile(path, io, n++);
      lists = [...lists.filter((l) => l.name !== list.name), list];
    }

    const namesPath = parsed.value('names') ?? '-';
    let text: string;
    try {
      text = namesPath === '-' ? await io.readStdin() : new TextDecoder().decode(await io.readFile(namesPath));
    } catch (error) {
      throw new Error(`${namesPath}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
    }
    const { queries, problems } = parseNames(text, namesPath === '-' ? 'standard input' : namesPath);
    const index = new NameIndex(lists);
    const out: string[] = [];
    for (const q of queries) {
      const matches = screenName(index, q.query, q.kind, config).filter((m) => m.score >= threshold).map((m) => ({
        list: m.listName,
        ref: m.ref,
        name: m.entryName,
        matchedName: m.matchedName,
        score: m.score,
        program: m.entry.programs.join(', '),
        explanation: m.explanation.summary,
      }));
      out.push(JSON.stringify({ query: q.query, matches }));
      if (out.length >= 500) io.stdout(`${out.splice(0).join('\n')}\n`);
    }
    if (out.length) io.stdout(`${out.join('\n')}\n`);
    for (const p of problems) io.stderr(`subtier screen: ${p}\n`);
    return problems.length ? 1 : 0;
  },
};
