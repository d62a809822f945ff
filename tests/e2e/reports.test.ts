// Reports in real Chromium: open the demo project, build the due-diligence report, look at the
// preview, save it (a download in the web build), check the saved PDF with `verify` in Node and
// in the app; then generate a supplier attestation from the chain's party panel, fill it in as a
// supplier would, read it back, and see the contradiction flagged. No request may leave the app.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/core/report/attestation-form';
import { verifyReport } from '../../src/core/report/verify-report';
import { loadFonts } from '../unit/report/fixture';
import { startApp } from './support/harness';
import type { E2eApp } from './support/harness';

describe('reports journey', () => {
  let app: E2eApp;
  const dir = mkdtempSync(join(tmpdir(), 'subtier-e2e-reports-'));
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('builds, previews, saves and verifies the report, and reads back a supplier attestation', async () => {
    const s = await app.newSession();
    const { page } = s;
    await page.getByRole('button', { name: 'Open the demo project' }).click();
    await page.getByRole('heading', { name: 'Parties' }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports' }).waitFor();
    await page.getByLabel('As of').fill('2026-03-15');
    await page.getByLabel('Prepared by').fill('Mina Haddad');
    await page.getByLabel('Auditing organisation').fill('Northgate Compliance LLP');
    await page.getByRole('button', { name: 'Build report' }).click();
    const heading = page.getByRole('heading', { name: /^Report SDR-20260315-[0-9A-F]{8}$/ });
    await heading.waitFor({ timeout: 60_000 });
    const summary = await page.getByRole('region', { name: 'Report preview' }).textContent();
    expect(summary).toMatch(/Overall rating/);
    expect(summary).toMatch(/Key findings/);
    expect(summary).toMatch(/Parties that need action/);
    await s.screenshot('reports-01-built');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save PDF…' }).click()]);
    expect(download.suggestedFilename()).toBe('Al-Wakra-Stadium-East-Stand-demo-due-diligence-2026-03-15.pdf');
    const reportPath = join(dir, 'report.pdf');
    await download.saveAs(reportPath);
    const pdf = new Uint8Array(readFileSync(reportPath));
    const verified = await verifyReport(pdf, loadFonts());
    expect(verified.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(verified.data?.input.options.author).toBe('Mina Haddad');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', reportPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('Al Wakra Stadium East Stand');
    expect(text).toContain('Baltiyskiy Stalmontazh LLC');

    // The app checks a report handed to it, and shows its project read-only.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open a report…' }).click()]);
    await chooser.setFiles(reportPath);
    await page.getByText('report.pdf: verified.').waitFor({ timeout: 60_000 });
    await page.getByRole('region', { name: 'Project in the report (read-only)' }).getByRole('cell', { name: 'Baltiyskiy Stalmontazh LLC' }).waitFor();
    await s.screenshot('reports-02-checked');

    // Attestation from the party panel of the chain.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chain' }).click();
    await page.getByRole('tab', { name: /^Parties/ }).click();
    await page.getByRole('row', { name: /Baltiyskiy Stalmontazh LLC/ }).first().click();
    const panel = page.getByRole('region', { name: 'Supplier attestation' });
    await panel.waitFor();
    const [formDownload] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Generate attestation form' }).click()]);
    await panel.getByText('awaiting', { exact: true }).waitFor();
    const formPath = join(dir, 'form.pdf');
    await formDownload.saveAs(formPath);

    const doc = await PDFDocument.load(readFileSync(formPath));
    const form = doc.getForm();
    form.getRadioGroup(FIELDS.dprkNationals).select('no');
    form.getRadioGroup(FIELDS.dprkPayments).select('no');
    form.getRadioGroup(FIELDS.individualAccounts).select('yes');
    form.getRadioGroup(FIELDS.passports).select('worker');
    form.getTextField(FIELDS.subName(1)).setText('Silver Falcon Manpower Supply W.L.L.');
    form.getCheckBox(FIELDS.confirm).check();
    form.getTextField(FIELDS.signatoryName).setText('Andrei Lebedinsky');
    form.getTextField(FIELDS.signatoryTitle).setText('Director');
    form.getTextField(FIELDS.signedDate).setText('2026-03-20');
    const filledPath = join(dir, 'filled.pdf');
    writeFileSync(filledPath, await doc.save());

    const [formChooser] = await Promise.all([page.waitForEvent('filechooser'), panel.getByRole('button', { name: 'Read returned form' }).click()]);
    await formChooser.setFiles(filledPath);
    await panel.getByText('The attestation contradicts the project records.').waitFor({ timeout: 30_000 });
    expect(await panel.textContent()).toMatch(/Says no DPRK nationals are employed, but Steel erection crew is recorded as DPRK nationals/);
    await panel.getByText('contradicted', { exact: true }).waitFor();
    await panel.scrollIntoViewIfNeeded();
    await s.screenshot('reports-03-attestation');

    expect(s.externalRequests()).toEqual([]);
    expect(s.pageErrors, s.pageErrors.join("\n")).toEqual([]);
    await s.close();
  });
});
