/**
 * `subtier verify REPORT.pdf [--json]`: checks that the hash printed on a report's cover, the data
 * embedded in it and its pages agree. Exit code 0 when they do, 1 when any check fails or the pages
 * could not be compared.
 */
import { verifyReport } from '../../core/report';
import type { CliCommand } from '../io';
import { UsageError, parseArgs, readInput } from '../io';
import { readReportFonts } from './report-support';

const USAGE = `Usage: subtier verify REPORT.pdf [--json]

Checks a Subtier due-diligence report: the data embedded in it, the SHA-256 printed on its cover and
in its metadata, and that rebuilding the report from the embedded data gives the same bytes (so no
page was changed). Exit code 0 when everything agrees, 1 otherwise.
  --json   print {"ok", "dataSha256", "printedSha256", "checks": [{"name", "status", "detail"}]}.`;

const MARK = { pass: 'ok  ', fail: 'FAIL', skip: 'skip' } as const;

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'check that a report\'s printed hash, embedded data and pages agree',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs(args, { booleans: ['json'] });
    const [path, ...extra] = parsed.positionals;
    if (!path) throw new UsageError('give the REPORT.pdf to verify');
    if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
    const bytes = await readInput(io, path);
    const result = await verifyReport(bytes, await readReportFonts());
    if (parsed.flag('json')) {
      io.stdout(`${JSON.stringify({ ok: result.ok, dataSha256: result.dataSha256, printedSha256: result.printedSha256, checks: result.checks })}\n`);
    } else {
      const project = result.data?.input.snapshot.project.name;
      io.stdout(`${path}${project ? `: report on "${project}" as of ${result.data!.input.options.asOf}` : ''}\n`);
      for (const c of result.checks) io.stdout(`  ${MARK[c.status]}  ${c.name}: ${c.detail}\n`);
      io.stdout(result.ok
        ? 'VERIFIED: the printed hash, the embedded data and the report agree.\n'
        : 'NOT VERIFIED: the report, its printed hash and its embedded data do not all agree (see above).\n');
    }
    return result.ok ? 0 : 1;
  },
};
