/**
 * `subtier export-template OUT.xlsx [--from PROJECT]`: writes the import template, generated from
 * the same table the importer reads. With --from it writes that project in the template layout,
 * which imports back into an identical project.
 */
import { writeTemplate } from '../../core/io';
import { loadProject } from '../load-project';
import type { CliCommand } from '../io';
import { UsageError, parseArgs } from '../io';

const USAGE = `Usage: subtier export-template OUT.xlsx [--from PROJECT]

Writes the import template: an Instructions sheet, then Project, Parties, Links and Workforce
sheets with drop-downs on the columns that take fixed values.
  OUT.xlsx        where to write the workbook.
  --from PROJECT  fill it with a project (.json, a template workbook, or a .subtier bundle).`;

export const exportTemplateCommand: CliCommand = {
  name: 'export-template',
  summary: 'write the import template workbook (empty, or filled from a project)',
  usage: USAGE,
  async run(args, io) {
    const opts = parseArgs(args, { values: ['from'] });
    const out = opts.positionals[0];
    if (!out || opts.positionals.length > 1) throw new UsageError('give one output file, such as template.xlsx');
    if (!out.toLowerCase().endsWith('.xlsx')) throw new UsageError('the output file must end in .xlsx');
    const from = opts.value('from');
    const snapshot = from ? await loadProject(from, io) : undefined;
    const bytes = writeTemplate(snapshot);
    await io.writeFile(out, bytes);
    io.stdout(snapshot
      ? `Wrote ${out}: "${snapshot.project.name}" in the template layout (${snapshot.parties.length} parties, ${snapshot.links.length} links).\n`
      : `Wrote ${out}: the Subtier import template. Fill it in, then check it with: subtier import-check ${out}\n`);
    return 0;
  },
};
