// Screening in real Chromium: open the demo project, screen it in the worker against the bundled
// lists, confirm one hit and dismiss another with a reason, reload, and find both decisions kept,
// also after screening again. No request may leave the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from './support/harness';
import type { E2eApp } from './support/harness';

describe('screening journey', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('screens the demo project, keeps a confirmation and a dismissal across a reload and a re-run', async () => {
    const s = await app.newSession();
    const { page } = s;
    await page.getByRole('button', { name: 'Open the demo project' }).click();
    await page.getByRole('heading', { name: 'Parties' }).waitFor();
    await page.locator('nav').getByRole('button', { name: 'Screening', exact: true }).click();
    await page.getByRole('heading', { name: 'Screening' }).waitFor();
    await page.getByText('Lists as of 2023-12-28').waitFor();

    await page.getByRole('button', { name: 'Run screening' }).click();
    await page.getByText(/^Screened \d+ names: \d+ new hits/).waitFor({ timeout: 60_000 });
    const queue = page.getByRole('complementary', { name: 'Review queue' });
    await expect.poll(() => queue.locator('.hit-row').count()).toBeGreaterThanOrEqual(3);
    await s.screenshot('screening-01-queue');

    // Kim Kangjin (김강진) is KIM Kang Jin, director of the External Construction Bureau: confirm.
    await queue.locator('.hit-row', { hasText: 'Kim Kangjin' }).first().click();
    const review = page.locator('.hit-review');
    await review.getByRole('heading', { name: /Kim Kangjin ↔ KIM, Kang Jin/ }).waitFor();
    expect(await review.locator('mark').count()).toBeGreaterThan(0);
    await review.getByLabel('Reason').fill('Same person: Hangul and Cyrillic aliases read Kim Kang Jin; employer is the External Construction Bureau.');
    await review.getByRole('button', { name: 'Confirm match' }).click();
    await expect.poll(() => queue.locator('.hit-row', { hasText: 'Kim Kangjin' }).count()).toBe(0);

    // Choi Min-seok (최민석) resembles CH'OE Sok-min (on both lists) only with the given-name syllables swapped: dismiss one.
    const choiRows = queue.locator('.hit-row', { hasText: 'Choi Min-seok' });
    const choiBefore = await choiRows.count();
    expect(choiBefore).toBeGreaterThan(0);
    await choiRows.first().click();
    await review.getByRole('heading', { name: /Choi Min-seok ↔/ }).waitFor();
    await review.getByRole('button', { name: 'Dismiss' }).click();
    await review.getByText('Give the reason for dismissing').waitFor();
    await review.getByLabel('Reason').fill('Different person: given name Min-seok, the listed name is Sok-min; born 1988 per passport copy.');
    await review.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => choiRows.count()).toBe(choiBefore - 1);
    await s.screenshot('screening-02-after-decisions');

    await page.reload();
    await page.getByRole('heading', { name: 'Screening' }).waitFor();
    const reloadedQueue = page.getByRole('complementary', { name: 'Review queue' });
    await reloadedQueue.getByRole('tab', { name: /^Confirmed/ }).click();
    await reloadedQueue.locator('.hit-row', { hasText: 'Kim Kangjin' }).first().click();
    await page.locator('.hit-review').getByText(/Confirmed by .* Same person: Hangul and Cyrillic/).waitFor();
    await reloadedQueue.getByRole('tab', { name: /^Dismissed/ }).click();
    await reloadedQueue.locator('.hit-row', { hasText: 'Choi Min-seok' }).first().click();
    await page.locator('.hit-review').getByText(/Dismissed by .* Different person: given name Min-seok/).waitFor();

    // Screening again changes neither decision.
    await page.getByRole('button', { name: 'Run screening' }).click();
    const rerun = page.getByText(/^Screened \d+ names:/);
    await expect.poll(() => rerun.textContent(), { timeout: 60_000 }).toMatch(/: 0 new hits, 0 reopened, 0 updated/);
    await reloadedQueue.getByRole('tab', { name: /^Dismissed/ }).click();
    expect(await reloadedQueue.locator('.hit-row', { hasText: 'Choi Min-seok' }).count()).toBeGreaterThan(0);
    await reloadedQueue.getByRole('tab', { name: /^Confirmed/ }).click();
    expect(await reloadedQueue.locator('.hit-row', { hasText: 'Kim Kangjin' }).count()).toBeGreaterThan(0);
    await s.screenshot('screening-03-after-reload');

    await page.getByRole('button', { name: /^Lists \(/ }).click();
    await page.getByRole('heading', { name: 'Lists' }).waitFor();
    expect(await page.locator('.list-manager table tbody tr').count()).toBe(2);
    await s.screenshot('screening-04-lists');

    expect(s.externalRequests()).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });

  it('imports a watchlist, shows it in the list manager, and screens against it', async () => {
    const s = await app.newSession();
    const { page } = s;
    await page.getByRole('button', { name: 'Open the demo project' }).click();
    await page.getByRole('heading', { name: 'Parties' }).waitFor();
    await page.locator('nav').getByRole('button', { name: 'Screening', exact: true }).click();
    await page.getByText('Lists as of 2023-12-28').waitFor();
    await page.getByRole('button', { name: /^Lists \(/ }).click();
    const csv = 'name,ref,type,aliases,programs,listed_on\nNoble Glass Installers,CB-1,entity,Noble Glass Installation,client blocklist,2026-03-01\n';
    await page.getByLabel('List files').setInputFiles({ name: 'client-blocklist.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByLabel('Watchlist name').fill('Client blocklist');
    await page.getByRole('button', { name: 'Check files' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import Client blocklist?' });
    await dialog.getByText('1 entries').waitFor();
    await dialog.getByRole('button', { name: 'Import' }).click();
    // A fresh profile: the bundled lists' hits come too; the watchlist adds its own.
    await page.getByText(/^Screened \d+ names: \d+ new hits/).waitFor({ timeout: 60_000 });
    const queue = page.getByRole('complementary', { name: 'Review queue' });
    await queue.locator('.hit-row', { hasText: 'Client blocklist CB-1' }).first().click();
    await page.locator('.hit-review').getByRole('heading', { name: /Noble Glass Installation W\.L\.L\. ↔ Noble Glass Installers/ }).waitFor();
    // The set is only as current as its oldest list; each list's own date is shown beside it.
    expect(await page.locator('.as-of').textContent()).toBe('Lists as of 2023-12-28');
    expect(await page.locator('.page-subtitle').textContent()).toContain('2026-03-01');
    await s.screenshot('screening-05-watchlist-hit');
    expect(s.externalRequests()).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });
});
