/**
 * The screening options that `screen`, `score` and `report` share: the lists (the bundled UN and
 * OFAC DPRK snapshot, with list files given by --list replacing the bundled list of the same name)
 * and the policy (--threshold, --review-threshold), and the header line that states both on stderr.
 */
import { DEFAULT_SCREENING_POLICY, describePolicy, formatIssue, importList, policyProblems } from '../core/screening';
import type { ScreeningList, ScreeningPolicy } from '../core/screening';
import { listsAsOf, parseBundledLists } from '../core/services';
import { readAsset } from './assets';
import type { CliIo } from './io';
import { UsageError, readInput } from './io';

export const SCREENING_VALUE_OPTIONS = ['list', 'threshold', 'review-threshold'] as const;

export const SCREENING_USAGE = `  --list FILE     screen against a list file too: a UN consolidated list XML, an OFAC sdn.csv
                  (alt.csv and add.csv are read from the same folder), or a CSV/XLSX watchlist;
                  repeatable. A UN or OFAC file replaces the bundled list of that name.
  --threshold T   the match band starts at T (0..1; default ${DEFAULT_SCREENING_POLICY.threshold}).
  --review-threshold R
                  the review band (possible matches for a person to review) starts at R, up to
                  the match band (default ${DEFAULT_SCREENING_POLICY.reviewFloor}, or T when T is lower).`;

interface ParsedOptions {
  value(name: string): string | undefined;
  all(name: string): readonly string[];
}

function bandOption(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || value > 1) throw new UsageError(`--${name} must be a number above 0 and at most 1, not "${text}"`);
  return value;
}

/** The policy the options ask for; only --threshold given lowers the review band with it when needed. */
export function policyFromOptions(parsed: ParsedOptions): ScreeningPolicy {
  const threshold = bandOption(parsed.value('threshold'), 'threshold') ?? DEFAULT_SCREENING_POLICY.threshold;
  const review = bandOption(parsed.value('review-threshold'), 'review-threshold');
  const policy = { threshold, reviewFloor: review ?? Math.min(DEFAULT_SCREENING_POLICY.reviewFloor, threshold) };
  const problems = policyProblems(policy);
  if (problems.length) throw new UsageError(problems.join('; '));
  return policy;
}

async function loadListFile(path: string, io: CliIo, command: string, index: number): Promise<ScreeningList> {
  const files = [{ name: path, bytes: await readInput(io, path) }];
  if (/(^|[\\/])sdn\.csv$/i.test(path)) {
    const dir = path.slice(0, path.length - 'sdn.csv'.length);
    for (const side of ['alt.csv', 'add.csv']) {
      try {
        files.push({ name: dir + side, bytes: await io.readFile(dir + side) });
      } catch {
        io.stderr(`subtier ${command}: ${dir}${side} not found; screening ${path} without it\n`);
      }
    }
  }
  const result = importList(files, { id: `cli-${index}`, importedAt: io.today() });
  if (!result.value) throw new Error(`${path} could not be imported:\n${result.errors.slice(0, 10).map((e) => `  ${formatIssue(e)}`).join('\n')}`);
  return result.value;
}

/** The bundled lists as shipped. */
export async function readBundledLists(): Promise<ScreeningList[]> {
  return parseBundledLists(new TextDecoder().decode(await readAsset('reference/sanctions-snapshot.json')));
}

/** The bundled lists with the --list files added, each replacing a list of the same name. */
export async function listsFromOptions(parsed: ParsedOptions, io: CliIo, command: string): Promise<ScreeningList[]> {
  let lists = await readBundledLists();
  let n = 0;
  for (const path of parsed.all('list')) {
    const list = await loadListFile(path, io, command, n++);
    lists = [...lists.filter((l) => l.name !== list.name), list];
  }
  return lists;
}

/** The header line on stderr: the policy and the lists used, or that nothing was screened. */
export function screeningHeader(command: string, policy: ScreeningPolicy, lists: readonly ScreeningList[] | null): string {
  if (!lists) return `subtier ${command}: not screened (--no-screen); screening hits recorded in the project are used as they are.\n`;
  const named = lists.map((l) => `${l.name} ${l.publishedAt || 'undated'}`).join(', ');
  return `subtier ${command}: ${describePolicy(policy)} Lists: ${named}; lists as of ${listsAsOf(lists) || 'unknown'}.\n`;
}
