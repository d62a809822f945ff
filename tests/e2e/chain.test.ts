// The chain workspace in real Chromium, as an auditor uses it: build a three-tier chain on the map
// with clicks and typing, draw payments, follow a payment path, undo and redo an edit, attach
// evidence and read its hash, preview it, and see the cycle warning a wrong link causes. Then the
// demo project's map and a generated 2,000-party chain, screenshotted for review.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startApp } from './support/harness';
import type { E2eApp } from './support/harness';

const node = (page: Page, name: string) => page.locator('.react-flow__node-party', { has: page.locator('.chain-node-name', { hasText: name }) });

async function addFromPanel(page: Page, action: string, fields: { name: string; country?: string; aliases?: string }) {
  await page.getByRole('group', { name: 'Edit the chain here' }).getByRole('button', { name: action }).click();
  const dialog = page.locator('dialog[open]');
  await dialog.getByLabel('Name').fill(fields.name);
  if (fields.country) await dialog.getByLabel('Country', { exact: true }).selectOption(fields.country);
  if (fields.aliases) await dialog.getByLabel('Aliases and other spellings').fill(fields.aliases);
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
  await page.getByRole('article', { name: `Party ${fields.name}` }).waitFor();
}

/** Draws a link from one card's bottom handle to another card's top handle, as a user drags it. */
async function drawLink(page: Page, from: string, to: string) {
  await page.getByRole('button', { name: 'fit view' }).click();
  await page.waitForTimeout(300);
  const source = node(page, from).locator('.react-flow__handle-bottom');
  const target = node(page, to).locator('.react-flow__handle-top');
  const a = (await source.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  // A first small move starts the drag, as a hand would.
  await page.mouse.move(a.x + 12, a.y + 30, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
  await page.getByRole('dialog', { name: 'Add link' }).waitFor();
}

describe('chain workspace', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('builds a three-tier chain on the map, follows the money, undoes an edit, attaches evidence and warns of a cycle', async () => {
    const s = await app.newSession();
    const { page } = s;
    await page.getByRole('button', { name: 'Start an empty project' }).click();
    await page.getByLabel('Project name').fill('Stadium East Stand');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('button', { name: 'Chain', exact: true }).click();

    // Tier 0: the client, from the empty map.
    await page.getByRole('button', { name: 'Add the client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add the client' });
    await dialog.getByLabel('Name').fill('Al Wakra Stadium Authority');
    await dialog.getByLabel('Country', { exact: true }).selectOption('QA');
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await node(page, 'Al Wakra Stadium Authority').waitFor();

    // Tiers 1 to 3, each added to the party selected on the map.
    await node(page, 'Al Wakra Stadium Authority').click();
    await addFromPanel(page, 'Add subcontractor', { name: 'Gulf Build Contracting W.L.L.', country: 'QA' });
    await addFromPanel(page, 'Add labour supplier', { name: 'Silver Falcon Manpower Supply', country: 'QA', aliases: 'الصقر الفضي لتوريد العمالة' });
    await addFromPanel(page, 'Add crew', { name: 'Steel erection crew' });
    await expect.poll(() => page.locator('.chain-tier-label').allTextContents()).toEqual(['Tier 0 · client', 'Tier 1', 'Tier 2', 'Tier 3']);
    expect(await page.getByRole('article', { name: 'Party Steel erection crew' }).textContent()).toContain('tier 3');

    // Payments, drawn on the map: the client pays the contractor, the contractor pays the agency in cash.
    await drawLink(page, 'Al Wakra Stadium Authority', 'Gulf Build Contracting W.L.L.');
    let linkDialog = page.getByRole('dialog', { name: 'Add link' });
    await linkDialog.getByLabel('Relation').selectOption('pays');
    await linkDialog.getByLabel('Payment channel').selectOption('bank_transfer');
    await linkDialog.getByRole('button', { name: 'Add link' }).click();
    await drawLink(page, 'Gulf Build Contracting W.L.L.', 'Silver Falcon Manpower Supply');
    linkDialog = page.getByRole('dialog', { name: 'Add link' });
    await linkDialog.getByLabel('Relation').selectOption('pays');
    await linkDialog.getByLabel('Value').fill('180,000');
    await linkDialog.getByLabel('Currency').fill('QAR');
    await linkDialog.getByLabel('Payment channel').selectOption('cash');
    await linkDialog.getByRole('button', { name: 'Add link' }).click();
    await expect.poll(() => page.locator('.chain-edge.edge-opaque').count()).toBe(1);

    // Follow the payment path to the agency: found by its Arabic alias.
    await page.getByLabel('Find a party on the map').fill('الصقر الفضي');
    await page.getByLabel('Find a party on the map').press('Enter');
    const agencyPanel = page.getByRole('article', { name: 'Party Silver Falcon Manpower Supply' });
    await agencyPanel.getByRole('button', { name: 'Payment paths' }).click();
    await expect.poll(() => page.getByTestId('path-result').textContent()).toContain('Al Wakra Stadium Authority → Gulf Build Contracting W.L.L. → Silver Falcon Manpower Supply');
    await expect.poll(() => page.locator('.chain-node.is-on').count()).toBe(3);
    expect(await page.locator('.chain-edge.is-on').count()).toBe(2);
    await s.screenshot('chain-payment-path');

    // Undo and redo an edit.
    await addFromPanel(page, 'Add payee', { name: 'Kim Minder' });
    await node(page, 'Kim Minder').waitFor();
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => node(page, 'Kim Minder').count()).toBe(0);
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect.poll(() => node(page, 'Kim Minder').count()).toBe(1);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => node(page, 'Kim Minder').count()).toBe(0);
    await expect.poll(() => page.getByRole('tab', { name: /^Parties/ }).textContent()).toBe('Parties (4)');

    // Evidence: attach a site photo to the agency, read its SHA-256, preview it.
    await node(page, 'Silver Falcon Manpower Supply').click();
    const panel = page.getByRole('article', { name: 'Party Silver Falcon Manpower Supply' });
    await panel.getByRole('button', { name: 'Attach file' }).click();
    const photo = await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 200 } });
    await panel.getByLabel('File').setInputFiles({ name: 'site-badges.png', mimeType: 'image/png', buffer: photo });
    await panel.getByLabel('Title').fill('Site badge list, photographed');
    await panel.getByLabel(/^Sensitive/).check();
    await panel.getByRole('button', { name: 'Attach', exact: true }).click();
    const expected = createHash('sha256').update(photo).digest('hex');
    await expect.poll(() => panel.getByTestId('evidence-sha256').textContent()).toBe(expected);
    expect(await panel.locator('.evidence-item').textContent()).toContain('sensitive');
    await panel.getByRole('button', { name: 'Preview' }).click();
    const img = page.locator('dialog[open] img.evidence-image');
    await img.waitFor();
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await s.screenshot('chain-evidence-preview');
    await page.locator('dialog[open]').getByRole('button', { name: 'Close' }).click();

    // A wrong link (the agency subcontracting its own contractor) makes a cycle, and the map says so.
    await drawLink(page, 'Silver Falcon Manpower Supply', 'Gulf Build Contracting W.L.L.');
    await page.getByRole('dialog', { name: 'Add link' }).getByRole('button', { name: 'Add link' }).click();
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    const warnings = page.getByRole('complementary', { name: 'Structural warnings' });
    await expect.poll(() => warnings.textContent()).toContain('Contract cycle: Gulf Build Contracting W.L.L., Silver Falcon Manpower Supply');
    await s.screenshot('chain-cycle-warning');

    // The evidence register lists the photo with its hash.
    await page.getByRole('button', { name: 'Evidence', exact: true }).click();
    await expect.poll(() => page.getByTestId('evidence-sha256').first().textContent()).toBe(expected);

    expect(s.externalRequests()).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });

  it('draws the demo project and a 2,000-party chain clearly', async () => {
    const s = await app.newSession();
    const { page } = s;
    await page.getByRole('button', { name: 'Open the demo project' }).click();
    await page.getByRole('button', { name: 'Chain', exact: true }).click();
    await page.locator('.chain-map[data-painted]').waitFor();
    await expect.poll(() => page.locator('.chain-node-level').count()).toBeGreaterThan(5);
    await s.screenshot('chain-map-demo');
    await page.getByRole('button', { name: 'fit view' }).click();
    await page.waitForTimeout(400);
    await s.screenshot('chain-map-demo-fit');
    await page.getByRole('tab', { name: /^Parties/ }).click();
    await page.getByLabel('Search parties').fill('릉라도');
    await expect.poll(() => page.getByTestId('party-count').textContent()).toBe('1 of 38');
    await s.screenshot('chain-table-demo');

    await page.goto(`${app.origin}/#/chain?project=prj_fixture_2000&fixture=2000`);
    await page.locator('.chain-map[data-painted]').waitFor({ timeout: 60_000 });
    expect(await page.locator('.toolbar-status').textContent()).toMatch(/of 2000 shown/);
    await s.screenshot('chain-map-2000');
    await page.getByRole('tab', { name: /^Parties/ }).click();
    await page.getByLabel('Kind').selectOption('workforce');
    const count = await page.getByTestId('party-count').textContent();
    expect(Number(count!.split(' ')[0])).toBeGreaterThan(500);
    expect(await page.locator('.vtable-row').count()).toBeLessThan(80);
    await s.screenshot('chain-table-2000');
    expect(s.externalRequests()).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });
});
