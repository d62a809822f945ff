/**
 * The one application window. Its web preferences are the heart of the Electron security model:
 * the page runs sandboxed, isolated from the preload, with no Node.js, no webviews, and web security
 * on. The UI is loaded from the app's own protocol, never from a web address.
 */
import { BrowserWindow } from 'electron';
import type { WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './security';

export interface WindowOptions {
  /** Absolute path of the built preload script (CommonJS, as a sandboxed preload must be). */
  readonly preload: string;
  /** DevTools are for development builds only. */
  readonly devTools: boolean;
}

/** The web preferences of every Subtier window. Each line is checked by a test. */
export function webPreferences(options: WindowOptions): WebPreferences {
  return {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools: options.devTools,
  };
}

/** Creates the main window, shows it once its first paint is ready, and loads the UI. */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Subtier',
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: webPreferences(options),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error(`Subtier could not load its interface: ${String(error)}`));
  return window;
}
