/**
 * `subtier attestation PROJECT --party ID -o FORM.pdf`: writes the fillable supplier attestation
 * form for one party, prefilled with the supplier and the project.
 */
import { buildAttestationForm } from '../../core/report';
import { loadProject, resolvePartyArg } from '../load-project';
import type { CliCommand } from '../io';
import { UsageError, parseArgs } from '../io';
import { dateOption, readReportFonts } from './report-support';

const USAGE = `Usage: subtier attestation PROJECT --party ID -o FORM.pdf [--organisation NAME] [--issued YYYY-MM-DD]

Writes a fillable PDF attestation form (AcroForm) for one supplier of PROJECT, prefilled with the
supplier and the project. The supplier answers: DPRK nationals employed, payments to DPRK entities
or their agents, wages paid into individual accounts, who holds passports, its own subcontractors,
and signs. Read the returned form with 'subtier attestation-read'.
  --party ID           the supplier: its id, reference code or exact name.
  -o, --output FILE    the PDF to write.
  --organisation NAME  the organisation asking, printed on the form.
  --issued DATE        the date of issue (default: today).`;

export const attestationCommand: CliCommand = {
  name: 'attestation',
  summary: 'write a fillable supplier attestation form for one party',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs(args, { values: ['party', 'output', 'organisation', 'issued'], short: { '-o': 'output' } });
    const [projectPath, ...extra] = parsed.positionals;
    if (!projectPath) throw new UsageError('give the PROJECT file');
    if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
    const partyArg = parsed.value('party');
    if (!partyArg) throw new UsageError('give the supplier with --party ID');
    const out = parsed.value('output');
    if (!out) throw new UsageError('give the output PDF with -o FORM.pdf');
    const issued = dateOption(parsed.value('issued'), 'issued', io.today());
    const snapshot = await loadProject(projectPath, io);
    const party = resolvePartyArg(snapshot, partyArg);
    const pdf = await buildAttestationForm({ project: snapshot.project, party, organisation: parsed.value('organisation') ?? '', issued }, await readReportFonts());
    await io.writeFile(out, pdf);
    io.stdout(`${out}: attestation form for ${party.name} (${party.ref || party.id}), issued ${issued}\n`);
    return 0;
  },
};
