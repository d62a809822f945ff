// An NGO researcher's protection journey in real Chromium: set a passphrase, record a worker, lock,
// reload (the key must not survive: the app comes back locked), see only the pseudonym, fail with a
// wrong passphrase, unlock, and find the audit log intact. Nothing may leave the app, and the
// worker's name must not be anywhere in the browser's IndexedDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from './support/harness';
import type { E2eApp } from './support/harness';

const PASS = 'copper kettle winter seventy';
const NAME = '리영호';

describe('encryption at rest in the browser', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('keeps a worker encrypted across a reload and opens it only with the passphrase', async () => {
    const s = await app.newSession();
    const { page } = s;
    await page.getByRole('button', { name: 'Open the demo project' }).click();
    await page.getByRole('heading', { name: 'Parties' }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Security' }).click();
    const setUp = page.getByRole('region', { name: 'Set a passphrase' });
    await setUp.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await setUp.getByLabel('Type it again').fill(PASS);
    await setUp.getByRole('button', { name: 'Set passphrase and encrypt' }).click();
    await page.getByText(/^Passphrase set\./).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Parties' }).click();
    await page.getByRole('button', { name: 'Add party' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add party' });
    await dialog.getByLabel('Kind').selectOption('person');
    await dialog.getByLabel('Name').fill(NAME);
    await dialog.getByLabel('Reference code').fill('W-12');
    await dialog.getByLabel('Notes').fill('Passport held by the team leader since arrival');
    await dialog.getByLabel(/This person is a worker/).check();
    await dialog.getByRole('button', { name: 'Add party' }).click();
    await page.getByRole('heading', { name: NAME }).waitFor();

    // What the browser keeps on disk: every IndexedDB row, as text.
    const stored = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('subtier');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const out: string[] = [];
      for (const name of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result as unknown[]);
        });
        out.push(JSON.stringify(rows));
      }
      db.close();
      return out.join('\n') + JSON.stringify(localStorage) + JSON.stringify(sessionStorage);
    });
    expect(stored).not.toContain(NAME);
    expect(stored).not.toContain('Passport held by the team leader');
    expect(stored).toContain('Protected worker W-12');

    await page.reload();
    await page.getByRole('button', { name: /Locked · Unlock/ }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Parties' }).click();
    await page.getByText('Protected worker W-12').first().waitFor();
    expect(await page.getByText(NAME).count()).toBe(0);
    await s.screenshot('security-01-locked');

    await page.getByRole('button', { name: /Locked · Unlock/ }).click();
    const unlock = page.getByRole('dialog', { name: 'Unlock Subtier' });
    await unlock.getByLabel('Passphrase').fill('copper kettle winter seventy-one');
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await unlock.getByText('That passphrase is not the right one. Nothing was changed; try again.').waitFor();
    await unlock.getByLabel('Passphrase').fill(PASS);
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText(NAME).first().waitFor();
    await page.getByRole('button', { name: /Unlocked · Lock/ }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Audit log' }).click();
    await page.getByText(/^Chain intact: all \d+ entries verified\.$/).waitFor();
    await s.screenshot('security-02-audit');

    expect(s.externalRequests()).toEqual([]);
    expect(s.pageErrors).toEqual([]);
    await s.close();
  });
});
