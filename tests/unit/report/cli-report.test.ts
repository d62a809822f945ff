// The report, verify, attestation and attestation-read commands over the demo project, run through
// the CLI entry with an in-memory file system for outputs (inputs come from the checkout).
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/index';
import type { CliIo } from '../../../src/cli/io';
import { sha256Hex } from '../../../src/core/model';
import { FIELDS } from '../../../src/core/report/attestation-form';
import { REPO_ROOT } from '../../support/shared';

const DEMO = `${REPO_ROOT}/assets/samples/stadium-demo.json`;

function memoryIo() {
  const files = new Map<string, Uint8Array>();
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => { out += t; },
    stderr: (t) => { err += t; },
    readStdin: async () => '',
    readFile: async (p) => files.get(p) ?? new Uint8Array(await readFile(p)),
    writeFile: async (p, b) => { files.set(p, typeof b === 'string' ? new TextEncoder().encode(b) : b); },
    today: () => '2026-03-15',
  };
  return { io, files, out: () => out, err: () => err, reset: () => { out = ''; err = ''; } };
}

describe('report commands', () => {
  it('writes a reproducible report that verifies, and fails verification when altered', async () => {
    const m = memoryIo();
    expect(await runCli(['report', DEMO, '-o', 'a.pdf', '--as-of', '2026-03-15', '--author', 'Mina Haddad'], m.io)).toBe(0);
    expect(m.out()).toMatch(/a\.pdf: \d+ pages, \d+ KB\n {2}report SDR-20260315-[0-9A-F]{8}, as of 2026-03-15: CRITICAL/);
    expect(await runCli(['report', DEMO, '-o', 'b.pdf', '--as-of', '2026-03-15', '--author', 'Mina Haddad'], m.io)).toBe(0);
    expect(sha256Hex(m.files.get('b.pdf')!)).toBe(sha256Hex(m.files.get('a.pdf')!));

    m.reset();
    expect(await runCli(['verify', 'a.pdf'], m.io)).toBe(0);
    expect(m.out()).toContain('VERIFIED: the printed hash, the embedded data and the report agree.');

    const doc = await PDFDocument.load(m.files.get('a.pdf')!, { updateMetadata: false });
    doc.removePage(doc.getPageCount() - 1);
    m.files.set('cut.pdf', await doc.save({ useObjectStreams: true }));
    m.reset();
    expect(await runCli(['verify', 'cut.pdf', '--json'], m.io)).toBe(1);
    const json = JSON.parse(m.out());
    expect(json.ok).toBe(false);
    expect(json.checks.find((c: { name: string }) => c.name === 'pages').status).toBe('fail');
  });

  it('checks its arguments before doing any work', async () => {
    const m = memoryIo();
    expect(await runCli(['report', DEMO], m.io)).toBe(2);
    expect(m.err()).toMatch(/give the output PDF with -o OUT\.pdf/);
    expect(await runCli(['report', DEMO, '-o', 'x.pdf', '--as-of', '2026-02-30'], m.io)).toBe(2);
    expect(m.err()).toMatch(/--as-of must be a date as YYYY-MM-DD/);
    expect(await runCli(['report', DEMO, '-o', 'x.pdf', '--sections', 'summary,nope'], m.io)).toBe(2);
    expect(await runCli(['verify', 'missing.pdf'], m.io)).toBe(1);
    expect(m.err()).toMatch(/missing\.pdf: cannot be read \(ENOENT\)/);
  });

  it('generates an attestation form and reads the filled form back against the project', async () => {
    const m = memoryIo();
    expect(await runCli(['attestation', DEMO, '--party', 'pty_demo_006', '-o', 'form.pdf', '--organisation', 'Northgate'], m.io)).toBe(0);
    expect(m.out()).toMatch(/form\.pdf: attestation form for Baltiyskiy Stalmontazh LLC/);
    const doc = await PDFDocument.load(m.files.get('form.pdf')!);
    const form = doc.getForm();
    form.getRadioGroup(FIELDS.dprkNationals).select('no');
    form.getRadioGroup(FIELDS.dprkPayments).select('no');
    form.getRadioGroup(FIELDS.individualAccounts).select('yes');
    form.getRadioGroup(FIELDS.passports).select('worker');
    form.getCheckBox(FIELDS.noSubcontractors).check();
    form.getCheckBox(FIELDS.confirm).check();
    form.getTextField(FIELDS.signatoryName).setText('A. Lebedinsky');
    form.getTextField(FIELDS.signatoryTitle).setText('Director');
    form.getTextField(FIELDS.signedDate).setText('2026-03-20');
    m.files.set('filled.pdf', await doc.save());

    m.reset();
    expect(await runCli(['attestation-read', 'filled.pdf'], m.io)).toBe(0);
    expect(m.out()).toContain('1. DPRK nationals employed:            no');
    m.reset();
    expect(await runCli(['attestation-read', 'filled.pdf', '--json', '--project', DEMO], m.io)).toBe(1);
    const { answers, issues } = JSON.parse(m.out());
    expect(answers.partyId).toBe('pty_demo_006');
    expect(issues.some((i: { kind: string; message: string }) => i.kind === 'contradiction' && /no DPRK nationals/.test(i.message))).toBe(true);
  });
});
