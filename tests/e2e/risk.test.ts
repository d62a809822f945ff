// Risk in real Chromium: open the demo, answer a crew's questionnaire ("DPRK nationals: yes,
// confirmed"), see the crew turn critical and its contractor's exposure rise, and read why: the
// hard rule, the answer as evidence with its sources, and the path from the contractor to the crew.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from './support/harness';
import type { E2eApp } from './support/harness';

describe('risk journey', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers a questionnaire and sees the party and its contractor rise, with the reasons', async () => {
    const s = await app.newSession();
    const { page } = s;
    await page.getByRole('button', { name: 'Open the demo project' }).click();
    await page.getByRole('heading', { name: 'Parties' }).waitFor();
    await page.getByRole('button', { name: 'Risk', exact: true }).click();
    await page.getByRole('heading', { name: 'Risk', exact: true }).waitFor();
    await expect.poll(() => page.getByLabel('Project rating').textContent()).toContain('CRITICAL');
    await s.screenshot('risk-01-dashboard');

    const row = (name: string) => page.locator('table.risk-parties tr', { has: page.getByRole('button', { name, exact: true }) });
    const levels = async (name: string) => row(name).locator('.risk-badge').evaluateAll((els) => els.map((e) => e.getAttribute('data-level')));
    const crewBefore = await levels('Landscaping crew');
    const contractorBefore = await levels('Oasis Green Landscaping W.L.L.');
    expect(crewBefore[0]).not.toBe('critical');
    expect(contractorBefore[1]).not.toBe('critical');

    await row('Landscaping crew').getByRole('button', { name: 'Landscaping crew' }).click();
    const form = page.getByRole('form', { name: 'Questionnaire' });
    const question = form.locator('li[data-question="q.dprk-nationals"]');
    await question.getByLabel('Yes').check();
    await question.getByLabel(/^Confidence/).selectOption('confirmed');
    await question.getByLabel(/^Note/).fill('Site badge list shows 12 DPRK passports (visit of 3 March).');
    await form.getByRole('button', { name: 'Save answers' }).click();
    await form.getByText(/^Saved 1 answer/).waitFor();

    // The crew is now critical, and so is the exposure of the contractor that employs it.
    await expect.poll(() => levels('Landscaping crew')).toEqual(['critical', 'critical']);
    await expect.poll(async () => (await levels('Oasis Green Landscaping W.L.L.'))[1]).toBe('critical');

    // Why: the hard rule, the answer as evidence, its sources.
    const panel = page.getByRole('article', { name: 'Risk of Landscaping crew' });
    await panel.getByText(/Hard rule: DPRK nationals in the workforce \(confirmed\)/).waitFor();
    const indicator = panel.locator('tr', { hasText: 'DPRK nationals in the workforce' });
    expect(await indicator.textContent()).toContain('Site badge list shows 12 DPRK passports');
    expect(await indicator.locator('.source').allTextContents()).toEqual(expect.arrayContaining(['[S44] ']));
    await panel.scrollIntoViewIfNeeded();
    await s.screenshot('risk-02-crew-after-answer');

    // And the contractor's paths lead to the crew.
    await row('Oasis Green Landscaping W.L.L.').getByRole('button', { name: 'Oasis Green Landscaping W.L.L.' }).click();
    const contractor = page.getByRole('article', { name: 'Risk of Oasis Green Landscaping W.L.L.' });
    const firstPath = contractor.getByRole('region', { name: 'Exposure paths' }).locator('li').first();
    expect(await firstPath.textContent()).toMatch(/Oasis Green Landscaping W\.L\.L\. employs Landscaping crew/);
    await contractor.scrollIntoViewIfNeeded();
    await s.screenshot('risk-03-contractor-paths');

    expect(s.externalRequests()).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });
});
