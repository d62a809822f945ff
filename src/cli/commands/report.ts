/**
 * `subtier report PROJECT -o OUT.pdf [--as-of YYYY-MM-DD] [--redact]`: assesses the project as
 * `subtier score` does (screened against the bundled lists under the screening policy, recorded
 * review decisions kept, scored) and writes the due-diligence report with its data embedded. The
 * same project and --as-of give a byte-identical PDF.
 */
import { buildReport, REPORT_SECTIONS } from '../../core/report';
import type { ReportSectionId } from '../../core/report';
import { createRiskModel } from '../../core/risk';
import { assessProject, reportInputFrom } from '../../core/services';
import { loadProject } from '../load-project';
import type { CliCommand } from '../io';
import { UsageError, parseArgs } from '../io';
import { SCREENING_USAGE, SCREENING_VALUE_OPTIONS, listsFromOptions, policyFromOptions, screeningHeader } from '../screening-options';
import { dateOption, readReportFonts } from './report-support';

const USAGE = `Usage: subtier report PROJECT -o OUT.pdf [--as-of YYYY-MM-DD] [--redact]
                      [--author NAME] [--organisation NAME] [--sections LIST]
                      [--list FILE]... [--threshold T] [--review-threshold R]

Writes the due-diligence report of PROJECT as a PDF, offline.
  PROJECT              a project file (.json snapshot, .xlsx workbook in the import template, .subtier bundle).
  -o, --output FILE    the PDF to write.
  --as-of DATE         the date the report speaks for (default: today). The same project and date
                       give a byte-identical PDF.
  --redact             replace worker-identifying data with stable pseudonyms (names of workers,
                       sensitive evidence, interview notes).
  --author NAME        the auditor signing the report.
  --organisation NAME  the auditing organisation.
  --sections LIST      comma-separated sections to include, in print order (default: all):
                       ${REPORT_SECTIONS.join(', ')}.
${SCREENING_USAGE}

The project is screened against the bundled UN and OFAC DPRK lists (and any --list files) under the
screening policy, which the report states; review decisions recorded in the project are kept. The
PDF embeds the data it was built from; check it with 'subtier verify'.`;

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'write the PDF due-diligence report of a project',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs(args, { values: ['output', 'as-of', 'author', 'organisation', 'sections', ...SCREENING_VALUE_OPTIONS], booleans: ['redact'], short: { '-o': 'output' } });
    const [projectPath, ...extra] = parsed.positionals;
    if (!projectPath) throw new UsageError('give the PROJECT file');
    if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
    const out = parsed.value('output');
    if (!out) throw new UsageError('give the output PDF with -o OUT.pdf');
    const asOf = dateOption(parsed.value('as-of'), 'as-of', io.today());
    const sectionsArg = parsed.value('sections');
    const sections = sectionsArg === undefined ? [...REPORT_SECTIONS] : sectionsArg.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = sections.filter((s) => !(REPORT_SECTIONS as readonly string[]).includes(s));
    if (unknown.length) throw new UsageError(`unknown section ${unknown.join(', ')}; choose from ${REPORT_SECTIONS.join(', ')}`);
    const ordered = REPORT_SECTIONS.filter((s) => sections.includes(s)) as ReportSectionId[];

    const policy = policyFromOptions(parsed);
    const snapshot = await loadProject(projectPath, io);
    const [lists, fonts] = await Promise.all([listsFromOptions(parsed, io, 'report'), readReportFonts()]);
    io.stderr(screeningHeader('report', policy, lists));
    const assessment = assessProject(snapshot, { lists, policy, model: createRiskModel(), asOf });
    const input = reportInputFrom(assessment, {
      auditLog: null,
      options: { asOf, redact: parsed.flag('redact'), sections: ordered, author: parsed.value('author') ?? '', organisation: parsed.value('organisation') ?? '' },
    });
    const report = await buildReport(input, fonts);
    await io.writeFile(out, report.pdf);
    const m = report.model;
    io.stdout(`${out}: ${report.pageCount} pages, ${(report.pdf.length / 1024).toFixed(0)} KB${m.meta.redacted ? ', redacted' : ''}\n`
      + `  report ${m.meta.reportId}, as of ${asOf}: ${m.summary.rating.toUpperCase()} (score ${Math.round(m.summary.score)}), ${m.findings.length} parties need action, ${m.screening.rows.length} screening hits\n`
      + `  data SHA-256 ${report.dataSha256}\n`);
    if (report.missingGlyphs.length) {
      io.stderr(`subtier report: no bundled font has these characters; they print as "?": ${report.missingGlyphs.map((c) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`).join(' ')}\n`);
    }
    return 0;
  },
};
