// The desktop app's Content-Security-Policy against the real UI: the renderer is built with the same
// settings as the Electron build, served with the headers the app:// protocol sends, and opened in
// Chromium. The UI must start, render and stay free of CSP violations, so the policy is both strict
// and livable. (Electron itself cannot run here; Chromium enforces CSP the same way.)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendererConfig } from '../../../renderer/vite.config';
import { resolveAppFile } from '../../../src/main/protocol';
import { SECURITY_HEADERS } from '../../../src/main/security';
import { chromiumPath } from '../../e2e/support/harness';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.png': 'image/png' };

let outDir: string;
let server: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'subtier-csp-'));
  await build({ ...rendererConfig, logLevel: 'silent', build: { ...rendererConfig.build, outDir, emptyOutDir: true } });
  // The same file resolution as the app:// handler, over loopback http.
  server = createServer(async (req, res) => {
    const file = resolveAppFile(outDir, `app://subtier${new URL(req.url ?? '/', 'http://x').pathname}`);
    try {
      if (!file) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, SECURITY_HEADERS).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await rm(outDir, { recursive: true, force: true });
});

describe('the desktop CSP on the real UI', () => {
  it('lets the app start and render with no CSP violation and no page error', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if ((m.type() === 'error' && !m.text().startsWith('Failed to load resource')) || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    // Headless Chromium asks for /favicon.ico on its own; Electron does not.
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${origin}/index.html`);
    await page.getByRole('navigation').first().waitFor({ timeout: 15_000 });
    // Open the demo project, then walk every screen so each feature renders under the policy.
    await page.getByRole('button', { name: 'Open the demo project' }).click();
    await page.getByRole('heading', { name: 'Parties' }).waitFor({ timeout: 15_000 });
    const nav = page.getByRole('navigation', { name: 'Main' });
    const labels = await nav.getByRole('button').allTextContents();
    expect(labels.length).toBeGreaterThan(5);
    for (const label of labels) {
      const button = nav.getByRole('button', { name: label, exact: true });
      if ((await button.count()) === 1 && (await button.isEnabled())) {
        await button.click();
        await page.waitForTimeout(250);
      }
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  it('blocks an inline script and a remote script the way the policy says', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (d: string) => violations.push(d));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation(d: string): void }).reportViolation(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    await page.goto(`${origin}/index.html`);
    await page.evaluate(() => {
      const inline = document.createElement('script');
      inline.textContent = 'window.inlineRan = true';
      document.body.append(inline);
      const remote = document.createElement('script');
      remote.src = 'https://example.com/x.js';
      document.body.append(remote);
      const style = document.createElement('style');
      style.textContent = 'body { color: red }';
      document.head.append(style);
    });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).not.toBe('rgb(255, 0, 0)');
    await context.close();
    expect(violations).toContain('script-src-elem inline');
    expect(violations).toContain('script-src-elem https://example.com/x.js');
    expect(violations).toContain('style-src-elem inline');
  });
});
