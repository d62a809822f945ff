/**
 * `subtier score PROJECT [--json]`: assesses a project as the app does (screens it against the
 * bundled lists under the screening policy, keeping its recorded review decisions, then scores it)
 * and prints the project rating and every party's inherent score, exposure, completeness,
 * indicators and the paths behind its exposure, as a table or as JSON (the contract other tools
 * read; see USAGE). The policy and lists used go to stderr.
 */
import { createRiskModel, parseRiskWeights } from '../../core/risk';
import type { ProjectRiskResult } from '../../core/risk';
import { assessProject } from '../../core/services';
import { loadProject } from '../load-project';
import type { CliCommand, CliIo } from '../io';
import { UsageError, parseArgs } from '../io';
import { SCREENING_USAGE, SCREENING_VALUE_OPTIONS, listsFromOptions, policyFromOptions, screeningHeader } from '../screening-options';

const USAGE = `Usage: subtier score PROJECT [--json] [--as-of YYYY-MM-DD] [--weights FILE]
                     [--no-screen | --list FILE... --threshold T --review-threshold R]

Assesses the risk that money paid in PROJECT's chain reaches DPRK labour schemes, offline: screens
every party against the sanctions lists (keeping the review decisions recorded in the project),
then scores the chain.
  PROJECT         a project file (.json snapshot, .xlsx workbook in the import template, .subtier bundle).
  --json          print JSON: {"project": {"rating", "score", "completeness"}, "parties": [{"id",
                  "name", "inherent": {"score", "level"}, "exposure": {"score", "level"},
                  "completeness", "insufficient", "indicators": [{"id", "confidence",
                  "contribution"}], "paths": [[ids...]]}], "model": {"version", "weightsHash"}}
  --as-of DATE    assessment date for date rules (default: today).
  --weights FILE  risk weights as JSON (as exported from Settings); default: the shipped weights.
  --no-screen     do not screen: use the screening hits recorded in the project as they are.
${SCREENING_USAGE}

Without --json, prints the rating and a table of parties, most exposed first. The screening policy
and the lists used are stated on standard error.`;

/** The JSON contract of `subtier score --json`. */
export function toScoreJson(result: ProjectRiskResult) {
  return {
    project: { rating: result.project.rating, score: result.project.score, completeness: result.project.completeness },
    parties: result.parties.map((p) => ({
      id: p.partyId,
      name: p.name,
      inherent: { score: p.inherent.score, level: p.inherent.level },
      exposure: { score: p.exposure.score, level: p.exposure.level },
      completeness: p.completeness,
      insufficient: p.insufficient,
      indicators: p.indicators.map((i) => ({ id: i.id, confidence: i.confidence, contribution: i.contribution })),
      paths: p.paths.map((path) => [...path.ids]),
    })),
    model: { version: result.modelVersion, weightsHash: result.weightsHash },
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function table(result: ProjectRiskResult, title: string): string {
  const parties = [...result.parties].sort((a, b) => b.exposure.score - a.exposure.score || b.inherent.score - a.inherent.score || a.name.localeCompare(b.name));
  const rows = parties.map((p) => [
    p.name.length > 40 ? `${p.name.slice(0, 39)}…` : p.name,
    p.kind,
    `${p.inherent.score} ${p.inherent.level}`,
    `${p.exposure.score} ${p.exposure.level}`,
    `${pct(p.completeness)}${p.insufficient ? ' insufficient' : ''}`,
    p.indicators.slice(0, 4).map((i) => `${i.code} ${i.confidence}`).join(', '),
  ]);
  const headers = ['party', 'kind', 'inherent', 'exposure', 'known', 'indicators'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const p = result.project;
  const out = [
    `${title}: ${p.rating.toUpperCase()} (score ${p.score}, ${pct(p.completeness)} of the facts that matter known${p.insufficient ? ', insufficient information' : ''})`,
    `Parties: ${(['critical', 'high', 'medium', 'low'] as const).map((l) => `${p.distribution.exposure[l]} ${l}`).join(', ')} by exposure; ${p.insufficientParties} with insufficient information.`,
    `Model ${result.modelVersion}, weights ${result.weightsHash.slice(0, 16)}…${result.asOf ? `, as of ${result.asOf}` : ''}`,
    '',
    line(headers),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  if (result.topRedFlags.length) out.push('', 'Red flags found:', ...result.topRedFlags.map((f) => `  ${f.code.padEnd(6)} ${f.title}: ${f.parties} part${f.parties === 1 ? 'y' : 'ies'}${f.confirmed ? ` (${f.confirmed} confirmed)` : ''}`));
  if (result.warnings.length) out.push('', 'Warnings:', ...result.warnings.map((w) => `  ${w}`));
  return `${out.join('\n')}\n`;
}

async function loadWeights(path: string, io: CliIo) {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(await io.readFile(path)));
  } catch (error) {
    throw new Error(`${path}: not readable JSON weights (${(error as Error).message})`, { cause: error });
  }
  const { value, errors } = parseRiskWeights(data);
  if (errors.length) throw new Error(`${path}: invalid weights: ${errors.slice(0, 5).join('; ')}`);
  return value;
}

export const scoreCommand: CliCommand = {
  name: 'score',
  summary: 'score the DPRK-labour risk of every party and of the project',
  usage: USAGE,
  async run(args, io) {
    const opts = parseArgs(args, { values: ['as-of', 'weights', ...SCREENING_VALUE_OPTIONS], booleans: ['json', 'no-screen'] });
    if (opts.positionals.length !== 1) throw new UsageError(opts.positionals.length ? 'give exactly one PROJECT' : 'PROJECT is required');
    const asOf = opts.value('as-of') ?? io.today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, not '${asOf}'`);
    const weightsFile = opts.value('weights');
    const model = weightsFile ? await loadWeights(weightsFile, io) : createRiskModel();
    const policy = policyFromOptions(opts);
    const noScreen = opts.flag('no-screen');
    if (noScreen && opts.all('list').length) throw new UsageError('--no-screen and --list contradict each other');
    const lists = noScreen ? [] : await listsFromOptions(opts, io, 'score');
    const snapshot = await loadProject(opts.positionals[0]!, io);
    io.stderr(screeningHeader('score', policy, noScreen ? null : lists));
    const result = assessProject(snapshot, { lists, policy, model, asOf }).risk;
    io.stdout(opts.flag('json') ? `${JSON.stringify(toScoreJson(result), null, 2)}\n` : table(result, snapshot.project.name));
    return 0;
  },
};
