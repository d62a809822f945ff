// A newcomer's first journey in real Chromium: open the app, open the demo project, add a
// subcontractor and a link to it, reload, and find both still there. No request may leave the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from './support/harness';
import type { E2eApp } from './support/harness';

describe('newcomer journey', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens the demo, adds a subcontractor and a link, and keeps them across a reload', async () => {
    const s = await app.newSession();
    const { page } = s;
    await page.getByRole('heading', { name: 'Welcome to Subtier' }).waitFor();
    await s.screenshot('01-welcome');
    await page.getByRole('button', { name: 'Open the demo project' }).click();
    await page.getByRole('heading', { name: 'Parties' }).waitFor();
    const demoCount = await page.locator('.party-row').count();
    expect(demoCount).toBeGreaterThanOrEqual(25);

    await page.getByRole('button', { name: 'Add party' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add party' });
    await dialog.getByLabel('Name').fill('Gulf Curtain Wall Installers W.L.L.');
    await dialog.getByLabel('Reference code').fill('SUB-NEW-1');
    await dialog.getByLabel('Country').selectOption('QA');
    await dialog.getByLabel('Sector').fill('facade installation');
    await dialog.getByRole('button', { name: 'Add party' }).click();
    await page.getByRole('heading', { name: 'Gulf Curtain Wall Installers W.L.L.' }).waitFor();

    // Link: the general contractor subcontracts to the new party.
    await page.getByRole('button', { name: 'Add link' }).click();
    const linkDialog = page.getByRole('dialog', { name: 'Add link' });
    const fromOptions = await linkDialog.getByLabel('From').locator('option').allTextContents();
    const contractor = fromOptions.find((o) => o.startsWith('Halvorsen Dunmore Contracting'));
    expect(contractor, 'the demo project has its general contractor').toBeTruthy();
    await linkDialog.getByLabel('From').selectOption({ label: contractor! });
    await linkDialog.getByLabel('To').selectOption({ label: 'Gulf Curtain Wall Installers W.L.L. (SUB-NEW-1)' });
    await linkDialog.getByLabel('Relation').selectOption('subcontracts');
    await linkDialog.getByLabel('Value').fill('2,400,000');
    await linkDialog.getByLabel('Currency').fill('QAR');
    await linkDialog.getByLabel('Payment channel').selectOption('bank_transfer');
    await linkDialog.getByRole('button', { name: 'Add link' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Add link' }).isVisible()).toBe(false);

    await page.reload();
    await page.getByRole('heading', { name: 'Gulf Curtain Wall Installers W.L.L.' }).waitFor();
    expect(await page.locator('.party-row').count()).toBe(demoCount + 1);
    const row = page.locator('table', { hasText: 'To this party' }).locator('tr', { hasText: contractor!.replace(/ \(.*\)$/, '') });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('2,400,000 QAR');
    await s.screenshot('02-party-after-reload');

    expect(s.externalRequests()).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });

  it('finds and shows aliases in Hangul, Cyrillic and Arabic as written', async () => {
    const s = await app.newSession();
    const { page } = s;
    await page.getByRole('button', { name: 'Open the demo project' }).click();
    await page.getByRole('heading', { name: 'Parties' }).waitFor();
    const cases = [
      ['조선릉라도', 'Korea Rŭngnado General Trading Corp.', '조선릉라도무역총회사'],
      ['балтийский', 'Baltiyskiy Stalmontazh LLC', 'ООО «Балтийский Стальмонтаж»'],
      ['الصقر', 'Silver Falcon Manpower Supply W.L.L.', 'الصقر الفضي لتوريد العمالة'],
    ] as const;
    for (const [query, name, alias] of cases) {
      await page.getByLabel('Search parties').fill(query);
      await expect.poll(() => page.locator('.party-row').count()).toBe(1);
      await page.locator('.party-row').first().click();
      await page.getByRole('heading', { name }).waitFor();
      expect(await page.locator('.alias').allInnerTexts()).toContain(alias);
    }
    await s.screenshot('03-search-hangul-cyrillic-arabic');
    expect(s.externalRequests()).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });
});
