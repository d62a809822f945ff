// Import and export in real Chromium: download the template, fill it with a few deliberate mistakes,
// see them listed by cell, import only the valid rows, attach evidence, export a bundle, delete the
// project, import the bundle and find everything back, evidence hashes included. No request may leave.
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTemplateFiles } from '../../src/core/io';
import { startApp } from './support/harness';
import type { E2eApp, E2eSession } from './support/harness';

/** Fills the downloaded template the way a supplier would, with three mistakes. */
function fillTemplate(template: Uint8Array): Uint8Array {
  const wb = XLSX.read(template, { type: 'array' });
  XLSX.utils.sheet_add_aoa(wb.Sheets.Project!, [['Name', 'Stadium East Stand'], ['Site', 'Lusail'], ['Country', 'Qatar'], ['Client', 'GC-001']], { origin: 'A2' });
  XLSX.utils.sheet_add_aoa(wb.Sheets.Parties!, [
    ['GC-001', 'Gulf Stadia Contracting', 'organization', 'QA', 'General contractor'],
    ['SUB-004', 'Al Noor Facades LLC', 'organization', 'AE', 'Facades', 'Al-Nur Facade; النور للواجهات'],
    ['AG-007', 'Koryo Manpower Services', 'organization', 'Koreaa', 'Labour supply'], // unknown country
    ['CREW-01', 'Facade crew 1', 'workforce', 'KP'],
    ['BNK-1', 'Vostok Bank', 'bank', 'RU', 'Banking'],
  ], { origin: 'A2' });
  XLSX.utils.sheet_add_aoa(wb.Sheets.Links!, [
    ['GC-001', 'SUB-004', 'subcontracts', 1250000, 'QAR', null, 'bank_transfer', '2026-02-01'],
    ['SUB-004', 'CREW-01', 'supplies_labor', null, '', null, 'cash'],
    ['SUB-004', 'SUB-999', 'pays', 5000, 'USD'],                                       // no such party
    ['CREW-01', 'BNK-1', 'banks_with'],
  ], { origin: 'A2' });
  XLSX.utils.sheet_add_aoa(wb.Sheets.Workforce!, [['CREW-01', 'KP', 40, 'team_leader', 'minder', 'no', 'compound', 'Work visa', '31/02/2026']], { origin: 'A2' }); // not a real date
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

async function download(s: E2eSession, click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const [file] = await Promise.all([s.page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) };
}

async function chooseFile(s: E2eSession, click: () => Promise<void>, name: string, bytes: Uint8Array, mimeType: string): Promise<void> {
  const [chooser] = await Promise.all([s.page.waitForEvent('filechooser'), click()]);
  await chooser.setFiles({ name, mimeType, buffer: Buffer.from(bytes) });
}

describe('import and export', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('template → workbook with errors → valid rows → evidence → bundle → delete → bundle back', async () => {
    const s = await app.newSession('/#/import-export');
    const { page } = s;
    await page.getByRole('heading', { name: 'Import & export' }).waitFor();

    // 1. The template downloads and is the real thing.
    const template = await download(s, () => page.getByRole('button', { name: 'Download the import template' }).click());
    expect(template.name).toBe('Subtier import template.xlsx');
    expect(XLSX.read(template.bytes, { type: 'array' }).SheetNames).toEqual(['Instructions', 'Project', 'Parties', 'Links', 'Workforce']);
    expect(readTemplateFiles([{ name: template.name, bytes: template.bytes }]).errors).toEqual([]);

    // 2. The filled workbook shows its mistakes by cell, and cannot be imported as it is.
    await page.getByRole('button', { name: 'Import a workbook…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a workbook' });
    await chooseFile(s, () => dialog.getByRole('button', { name: 'Choose a workbook…' }).click(), 'suppliers.xlsx', fillTemplate(template.bytes), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const errors = dialog.getByRole('table', { name: 'Errors by cell' });
    await errors.waitFor();
    const cells = await errors.locator('tr.problem').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-cell')} ${r.querySelectorAll('td')[1]!.textContent}`));
    expect(cells).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Parties!4:D Country: Unknown country "Koreaa"/),
      'Links!4:B To: no party with the ID "SUB-999" on the Parties sheet',
      'Workforce!2:I Arrived: "31/02/2026" is not a real date',
    ]));
    expect(cells).toHaveLength(3);
    const importButton = dialog.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await s.screenshot('io-01-errors-by-cell');

    // 3. Import only the valid rows into a new project.
    await dialog.getByLabel(/Import only the valid rows/).check();
    await dialog.getByRole('button', { name: 'Import the valid rows' }).click();
    await page.getByText(/Imported 4 parties and 3 links into the new project "Stadium East Stand"\. 3 rows with errors were left out\./).waitFor();
    await s.screenshot('io-02-imported');

    // 4. Attach a piece of evidence to the project.
    await page.getByRole('link', { name: 'Evidence' }).or(page.getByRole('button', { name: 'Evidence' })).first().click();
    await page.getByRole('heading', { name: 'Evidence register' }).waitFor();
    await page.getByRole('button', { name: 'Attach to the project' }).click();
    const evidenceBytes = new TextEncoder().encode('Site badge list, March 2026: 40 badges issued to Facade crew 1.');
    const sha256 = createHash('sha256').update(evidenceBytes).digest('hex');
    await page.getByLabel('File').setInputFiles({ name: 'badges.txt', mimeType: 'text/plain', buffer: Buffer.from(evidenceBytes) });
    await page.getByLabel('Title').fill('Site badge list');
    await page.getByRole('button', { name: 'Attach', exact: true }).click();
    await expect.poll(() => page.getByTestId('evidence-sha256').allTextContents()).toEqual([sha256]);

    // 5. Export the bundle.
    await page.getByRole('link', { name: 'Import & export' }).or(page.getByRole('button', { name: 'Import & export' })).first().click();
    await page.getByRole('heading', { name: 'Import & export' }).waitFor();
    const bundle = await download(s, () => page.getByRole('button', { name: 'Export the project bundle' }).click());
    expect(bundle.name).toMatch(/^Stadium East Stand \d{4}-\d{2}-\d{2}\.subtier$/);

    // 6. Delete the project.
    await page.getByRole('link', { name: 'Projects' }).or(page.getByRole('button', { name: 'Projects' })).first().click();
    await page.getByRole('button', { name: 'Delete Stadium East Stand' }).click();
    await page.getByRole('button', { name: 'Delete for good' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Open Stadium East Stand' }).count()).toBe(0);

    // 7. Import the bundle: verified, new, everything back.
    await page.goto(`${app.origin}/#/import-export`);
    await page.getByRole('button', { name: 'Import a bundle…' }).click();
    const bundleDialog = page.getByRole('dialog', { name: 'Import a project bundle' });
    await chooseFile(s, () => bundleDialog.getByRole('button', { name: 'Choose a bundle…' }).click(), bundle.name, bundle.bytes, 'application/octet-stream');
    await bundleDialog.getByText('This project is not on this computer yet: importing creates it.').waitFor();
    expect(await bundleDialog.getByRole('table', { name: 'Evidence in the bundle' }).textContent()).toContain(sha256);
    await s.screenshot('io-03-bundle-preview');
    await bundleDialog.getByRole('button', { name: 'Import bundle' }).click();
    await page.getByText(/Imported "Stadium East Stand" from .*: 4 parties, 3 links, 1 evidence files, all hashes verified\./).waitFor();

    await page.getByRole('link', { name: 'Parties' }).or(page.getByRole('button', { name: 'Parties' })).first().click();
    await page.getByRole('heading', { name: 'Parties' }).waitFor();
    await expect.poll(() => page.locator('.party-row').count()).toBe(4);
    for (const name of ['Gulf Stadia Contracting', 'Al Noor Facades LLC', 'Facade crew 1', 'Vostok Bank']) {
      expect(await page.locator('.party-row', { hasText: name }).count(), name).toBe(1);
    }
    await page.getByRole('link', { name: 'Evidence' }).or(page.getByRole('button', { name: 'Evidence' })).first().click();
    await expect.poll(() => page.getByTestId('evidence-sha256').allTextContents()).toEqual([sha256]);

    // 8. The same bundle again changes nothing.
    await page.goto(`${app.origin}/#/import-export`);
    await page.getByRole('button', { name: 'Import a bundle…' }).click();
    await chooseFile(s, () => bundleDialog.getByRole('button', { name: 'Choose a bundle…' }).click(), bundle.name, bundle.bytes, 'application/octet-stream');
    await bundleDialog.getByText('This exact project is already here: importing changes nothing.').waitFor();
    await bundleDialog.getByRole('button', { name: 'Import bundle' }).click();
    await page.getByText('"Stadium East Stand" was already here exactly as in the bundle; nothing changed.').waitFor();
    await s.screenshot('io-04-bundle-again');

    // 9. The register workbook, scored in the app, lists the evidence by its hash.
    const register = await download(s, () => page.getByRole('button', { name: 'Export the register workbook' }).click());
    const wb = XLSX.read(register.bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['Summary', 'Parties', 'Links', 'Workforce', 'Findings', 'Screening hits', 'Evidence']);
    expect(XLSX.utils.sheet_to_json<string[]>(wb.Sheets.Parties!, { header: 1 }).slice(1).map((r) => r[0]).sort()).toEqual(['BNK-1', 'CREW-01', 'GC-001', 'SUB-004']);
    expect(JSON.stringify(XLSX.utils.sheet_to_json(wb.Sheets.Evidence!, { header: 1 }))).toContain(sha256);

    expect(s.externalRequests()).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });
});
