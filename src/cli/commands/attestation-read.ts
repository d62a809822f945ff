/**
 * `subtier attestation-read FORM.pdf [--json] [--project PROJECT]`: reads a returned attestation
 * form and flags missing answers; with --project, also answers that contradict the project's records.
 * Exit code 0 when the form is complete and consistent, 1 when it has issues or cannot be read.
 */
import { assessAttestation, readAttestationForm } from '../../core/report';
import { loadProject } from '../load-project';
import type { CliCommand } from '../io';
import { UsageError, parseArgs, readInput } from '../io';

const USAGE = `Usage: subtier attestation-read FORM.pdf [--json] [--project PROJECT]

Reads the answers from a filled supplier attestation form and lists missing answers. With --project,
also compares the answers with the project's records and flags contradictions (for example "no DPRK
nationals" against a crew recorded as DPRK) and subcontractors not yet in the chain.
  --json             print {"answers": {...}, "issues": [{"kind", "message"}]}.
  --project PROJECT  the project the form was issued for.
Exit code 0 when the form is complete and consistent, 1 otherwise.`;

const YES_NO = { yes: 'yes', no: 'no', '': '(not answered)' } as const;

export const attestationReadCommand: CliCommand = {
  name: 'attestation-read',
  summary: 'read a returned attestation form and flag missing or contradictory answers',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs(args, { values: ['project'], booleans: ['json'] });
    const [path, ...extra] = parsed.positionals;
    if (!path) throw new UsageError('give the FORM.pdf to read');
    if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
    const bytes = await readInput(io, path);
    const read = await readAttestationForm(bytes);
    if (!read.value) throw new Error(`${path}: ${read.errors.join('; ')}`);
    const projectPath = parsed.value('project');
    const snapshot = projectPath ? await loadProject(projectPath, io) : null;
    const a = read.value;
    const issues = assessAttestation(a, snapshot);
    if (parsed.flag('json')) {
      io.stdout(`${JSON.stringify({ answers: a, issues })}\n`);
      return issues.length ? 1 : 0;
    }
    const supplier = snapshot?.parties.find((p) => p.id === a.partyId)?.name ?? a.partyId;
    io.stdout([
      `${path}: attestation from ${supplier} (project ${a.projectId}, issued ${a.issued || '?'})`,
      `  1. DPRK nationals employed:            ${YES_NO[a.dprkNationals]}`,
      `  2. Payments to DPRK entities/agents:    ${YES_NO[a.dprkPayments]}`,
      `  3. Wages into individual accounts:      ${YES_NO[a.individualAccounts]}`,
      `  4. Passports held by:                   ${a.passports ? (a.passports === 'other' ? `other: ${a.passportsOther || '(not said)'}` : a.passports) : '(not answered)'}`,
      `  5. Subcontractors:                      ${a.noSubcontractors ? 'none (stated)' : a.subcontractors.length ? a.subcontractors.map((s) => [s.name, s.country, s.work].filter(Boolean).join(', ')).join('; ') : '(none listed)'}`,
      `  Signed: ${[a.signatoryName, a.signatoryTitle, a.signedDate].filter(Boolean).join(', ') || '(not signed)'}${a.confirmed ? '' : ' (declaration not confirmed)'}`,
      issues.length ? `${issues.length} issue${issues.length === 1 ? '' : 's'}:` : `No issues${snapshot ? '' : ' (answers not compared with a project; give --project to do so)'}.`,
      ...issues.map((i) => `  - ${i.kind}: ${i.message}`),
      '',
    ].join('\n'));
    return issues.length ? 1 : 0;
  },
};
