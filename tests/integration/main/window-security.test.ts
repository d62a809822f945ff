// The window and web contents rules: each setting of the Electron security checklist that lives on
// the window, navigation, new windows and webviews. Every assertion fails if its setting is weakened.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from './fake-electron';
import { startApp } from './start-app';
import type { Started } from './start-app';

vi.mock('electron', () => import('./fake-electron'));

let started: Started;
beforeEach(async () => {
  started = await startApp();
});

describe('the main window', () => {
  it('is the only window, and it opens only when its page is ready to show', () => {
    expect(electron.FakeBrowserWindow.all).toHaveLength(1);
    expect(started.window.shown).toBe(false);
    started.window.emit('ready-to-show');
    expect(started.window.shown).toBe(true);
  });

  const prefs = () => started.window.options.webPreferences as Record<string, unknown>;

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
    ['devTools', false],
  ])('sets %s to %s explicitly', (key, value) => {
    expect(prefs()).toHaveProperty(key, value);
  });

  it('sets no Blink feature switches and only the known preferences', () => {
    expect(prefs()).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs()).not.toHaveProperty('additionalArguments');
    expect(Object.keys(prefs()).sort()).toEqual([
      'allowRunningInsecureContent', 'contextIsolation', 'devTools', 'experimentalFeatures', 'navigateOnDragDrop',
      'nodeIntegration', 'nodeIntegrationInSubFrames', 'nodeIntegrationInWorker', 'preload', 'safeDialogs', 'sandbox',
      'spellcheck', 'webSecurity', 'webviewTag',
    ]);
  });

  it('uses the CommonJS preload that a sandboxed renderer can run', () => {
    expect(prefs().preload).toBe('/app/out/preload/index.cjs');
  });

  it('loads the UI from the app protocol, never from a web address or a file URL', () => {
    expect(started.window.loadedUrl).toBe('app://subtier/index.html');
    expect(started.window.loadedFile).toBeNull();
  });

  it('turns on the sandbox for every renderer and registers app: as a secure standard scheme', () => {
    expect(electron.app.sandboxEnabled).toBe(true);
    expect(electron.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('enables DevTools only when asked to (development builds)', async () => {
    const dev = await startApp({ devTools: true });
    expect((dev.window.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
  });
});

describe('navigation, new windows and webviews', () => {
  const contents = () => started.window.webContents;

  it.each(['https://example.com/', 'http://127.0.0.1:5173/', 'file:///etc/passwd', 'app://subtier/other.html'])(
    'prevents navigating the window to %s',
    (url) => {
      expect(contents().fire('will-navigate', url).defaultPrevented).toBe(true);
    },
  );

  it('prevents frame navigations and redirects', () => {
    expect(contents().fire('will-frame-navigate', { url: 'https://example.com/' }).defaultPrevented).toBe(true);
    expect(contents().fire('will-redirect', 'https://example.com/').defaultPrevented).toBe(true);
  });

  it('denies window.open for any URL, including the app itself', () => {
    const handler = contents().windowOpenHandler;
    expect(handler).not.toBeNull();
    for (const url of ['https://example.com/', 'app://subtier/index.html', 'about:blank']) {
      expect(handler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('refuses to attach a webview', () => {
    expect(contents().fire('will-attach-webview', {}, { src: 'https://example.com/' }).defaultPrevented).toBe(true);
  });

  it('hardens web contents created by anything else too', () => {
    const other = new electron.FakeWebContents();
    electron.app.emit('web-contents-created', new electron.FakeEvent(), other);
    expect(other.fire('will-navigate', 'https://example.com/').defaultPrevented).toBe(true);
    expect(other.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('lifecycle', () => {
  it('quits without a window when another instance already runs', async () => {
    electron.resetFakeElectron();
    electron.app.singleInstance = false;
    const { startSubtier } = await import('../../../src/main/app');
    await startSubtier({ rendererDir: '/x', preload: '/x.cjs', devTools: false });
    expect(electron.app.quitCalled).toBe(true);
    expect(electron.FakeBrowserWindow.all).toHaveLength(0);
  });

  it('installs a menu whose items are roles or local actions, with no DevTools in production', () => {
    const template = JSON.stringify((electron.Menu.applied as { template: unknown }).template);
    expect(template).not.toContain('toggleDevTools');
    expect(template).not.toMatch(/https?:/);
    expect(template).toContain('About Subtier');
  });
});
