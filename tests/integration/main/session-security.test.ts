// The session rules: every request that would leave the app is cancelled, every permission is
// denied, downloads are refused, and every response carries the strict Content-Security-Policy.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from './fake-electron';
import { startApp } from './start-app';
import type { Started } from './start-app';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security';

vi.mock('electron', () => import('./fake-electron'));

let rendererDir: string;
let started: Started;

beforeAll(async () => {
  const base = await mkdtemp(join(tmpdir(), 'subtier-protocol-'));
  rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Subtier</title>');
  await writeFile(join(rendererDir, 'assets', 'index.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'outside the renderer');
});

beforeEach(async () => {
  started = await startApp({ rendererDir });
});

describe('outgoing requests (the app is offline)', () => {
  it.each([
    'https://example.com/',
    'http://example.com/track.gif',
    'http://127.0.0.1:5173/',
    'http://localhost/',
    'ws://127.0.0.1:8080/socket',
    'wss://example.com/',
    'ftp://example.com/file',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://user@subtier/index.html',
    'app://subtier:8080/index.html',
    'blob:https://example.com/3f1c0d2e',
    'chrome-extension://abcdef/x.js',
    'not a url',
  ])('cancels %s', (url) => {
    expect(started.session.request(url)).toBe(true);
  });

  it.each([
    'app://subtier/index.html',
    'app://subtier/assets/index-abc123.js',
    'blob:app://subtier/3f1c0d2e-8a44-4c1e-9d0b-8f3c5e4d2a10',
    'data:image/png;base64,iVBORw0KGgo=',
  ])('allows the app\'s own %s', (url) => {
    expect(started.session.request(url)).toBe(false);
  });

  it('reports each blocked request to the log', () => {
    started.session.request('https://example.com/', 'image');
    expect(started.blocked.some((m) => m.includes('https://example.com/') && m.includes('image'))).toBe(true);
  });
});

describe('permissions, devices, downloads, spellchecker', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'midi', 'pointerLock'])(
    'denies the %s permission request and check',
    (permission) => {
      let granted: boolean | undefined;
      started.session.permissionRequest!({}, permission, (g) => {
        granted = g;
      });
      expect(granted).toBe(false);
      expect(started.session.permissionCheck!({}, permission, 'app://subtier')).toBe(false);
    },
  );

  it('denies USB/HID/serial devices and screen capture', () => {
    expect(started.session.devicePermission!({ deviceType: 'usb' })).toBe(false);
    let streams: unknown = 'unanswered';
    started.session.displayMedia!({}, (s) => {
      streams = s;
    });
    expect(streams).toBeNull();
  });

  it('refuses downloads: files are written only through the save dialog', () => {
    const event = new electron.FakeEvent();
    started.session.emit('will-download', event, { getURL: () => 'https://example.com/x.exe' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('turns the spellchecker off (it would download dictionaries)', () => {
    expect(started.session.spellChecker).toBe(false);
  });
});

/** Parses a CSP into directive → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name!, sources];
  }));
}

describe('Content-Security-Policy', () => {
  it('is strict: nothing by default, scripts only from the app, no inline or eval, no plugins, frames or forms', () => {
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('frame-src')).toEqual(["'none'"]);
    for (const [name, sources] of d) {
      for (const source of sources) {
        expect(source, `${name} allows ${source}`).not.toMatch(/^(\*|https?:|wss?:|file:|'unsafe-eval'|'unsafe-inline'|'wasm-unsafe-eval')/);
      }
    }
  });

  it('is added to every response the session sees', () => {
    let headers: Record<string, string[]> | undefined;
    started.session.headersReceived!({ url: 'app://subtier/index.html', responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => {
      headers = r.responseHeaders;
    });
    expect(headers?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers?.['Content-Type']).toEqual(['text/html']);
  });
});

describe('the app:// protocol', () => {
  const fetchApp = (url: string, method = 'GET') => electron.protocol.handlers.get('app')!(new Request(url, { method }));

  it('serves the built renderer with the CSP and nosniff headers', async () => {
    const response = await fetchApp('app://subtier/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Subtier</title>');
    expect((await fetchApp('app://subtier/assets/index.js')).headers.get('content-type')).toContain('text/javascript');
  });

  it('answers a reload on an app route with index.html', async () => {
    expect(await (await fetchApp('app://subtier/projects')).text()).toContain('<title>Subtier</title>');
  });

  it.each([
    'app://subtier/../secret.txt',
    'app://subtier/%2e%2e/secret.txt',
    'app://subtier/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://subtier/..%5csecret.txt',
    'app://other/index.html',
    'app://subtier/missing.js',
  ])('refuses %s', async (url) => {
    const response = await fetchApp(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the renderer');
  });

  it('accepts only GET', async () => {
    expect((await fetchApp('app://subtier/index.html', 'POST')).status).toBe(405);
  });
});
