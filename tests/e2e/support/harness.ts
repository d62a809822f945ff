/**
 * The end-to-end harness: serves the built web renderer (dist-web/) from a tiny static server on
 * loopback, drives it in real Chromium through playwright-core, records every request the page
 * makes, and fails on any that would leave the app. Screenshots go to .test-results/screenshots/.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../../support/shared';

const DIST = join(REPO_ROOT, 'dist-web');
const SCREENSHOTS = join(REPO_ROOT, '.test-results', 'screenshots');
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.woff2': 'font/woff2',
  '.wasm': 'application/wasm', '.pdf': 'application/pdf', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('End-to-end tests need Chromium: install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to its executable.');
  return found;
}

export interface E2eApp {
  readonly origin: string;
  readonly browser: Browser;
  /** A fresh browser profile (its own IndexedDB) with a page open on the app. */
  newSession(path?: string): Promise<E2eSession>;
  close(): Promise<void>;
}

export interface E2eSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request URL the page made, in order. */
  readonly requests: string[];
  /** Requests to anything but the app's own origin (and data:/blob: URLs). Must stay empty. */
  externalRequests(): string[];
  /** Errors thrown in the page or logged with console.error. */
  readonly pageErrors: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts the static server and Chromium. Call in beforeAll; close in afterAll. */
export async function startApp(): Promise<E2eApp> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist-web/ is missing: run `npm run build:web` first (npm test does it).');
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    const file = join(DIST, rel === '' ? 'index.html' : rel);
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-US'],
  });
  return {
    origin,
    browser,
    async newSession(path = '/') {
      const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, acceptDownloads: true, locale: 'en-US' });
      const page = await context.newPage();
      const requests: string[] = [];
      const pageErrors: string[] = [];
      // Every request the page makes passes through here; anything external is recorded and refused.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        requests.push(url);
        if (isOwn(url, origin)) return route.continue();
        return route.abort('blockedbyclient');
      });
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error') pageErrors.push(m.text());
      });
      await page.goto(origin + path);
      return {
        context, page, requests, pageErrors,
        externalRequests: () => requests.filter((u) => !isOwn(u, origin)),
        async screenshot(name: string) {
          await mkdir(SCREENSHOTS, { recursive: true });
          const file = join(SCREENSHOTS, `${name}.png`);
          await page.screenshot({ path: file, fullPage: false });
          return file;
        },
        close: () => context.close(),
      };
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function isOwn(url: string, origin: string): boolean {
  return url.startsWith(`${origin}/`) || url === origin || url.startsWith('data:') || url.startsWith('blob:');
}
