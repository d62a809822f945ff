/**
 * `subtier screen`: screens names against the bundled DPRK snapshot and any list files given, under
 * the screening policy, and writes one JSON line per name with its matches, best first: by default
 * the match band only; with --review also the review band. The policy goes to stderr first.
 */
import { NameIndex, configForPolicy, screenName } from '../../core/screening';
import type { QueryKind } from '../../core/screening';
import type { CliCommand } from '../io';
import { UsageError, parseArgs } from '../io';
import { SCREENING_USAGE, SCREENING_VALUE_OPTIONS, listsFromOptions, policyFromOptions, screeningHeader } from '../screening-options';

const USAGE = `Usage: subtier screen [--list FILE]... [--names FILE|-] [--threshold T] [--review-threshold R] [--review]

Screens names against the bundled UN and OFAC DPRK snapshot, offline.
  --names FILE    names to screen, one a line, or JSON lines with a "query" field (and optionally
                  "kind": "person" or "organization"); - or no option reads standard input.
${SCREENING_USAGE}
  --review        also list review candidates (scores in the review band), marked "band": "review".

Writes one JSON line per name: {"query", "matches": [{"list", "ref", "name", "matchedName", "score",
"band", "program", "explanation"}]}, best match first; "band" is "match" or "review". The policy
and the lists used are stated on standard error.`;

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
    const parsed = parseArgs(args, { values: ['names', ...SCREENING_VALUE_OPTIONS], booleans: ['review'] });
    if (parsed.positionals.length) throw new UsageError(`unexpected argument ${parsed.positionals[0]}`);
    const policy = policyFromOptions(parsed);
    const withReview = parsed.flag('review');
    const lists = await listsFromOptions(parsed, io, 'screen');

    const namesPath = parsed.value('names') ?? '-';
    let text: string;
    try {
      text = namesPath === '-' ? await io.readStdin() : new TextDecoder().decode(await io.readFile(namesPath));
    } catch (error) {
      throw new Error(`${namesPath}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { cause: error });
    }
    const { queries, problems } = parseNames(text, namesPath === '-' ? 'standard input' : namesPath);
    io.stderr(screeningHeader('screen', policy, lists));
    const index = new NameIndex(lists);
    const config = { ...configForPolicy(policy), maxResults: 20 };
    const out: string[] = [];
    for (const q of queries) {
      const matches = screenName(index, q.query, q.kind, config).filter((m) => withReview || m.band === 'match').map((m) => ({
        list: m.listName,
        ref: m.ref,
        name: m.entryName,
        matchedName: m.matchedName,
        score: m.score,
        band: m.band,
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
