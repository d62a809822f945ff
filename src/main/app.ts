/**
 * The app's lifecycle: one instance, one window, every session and web contents hardened before any
 * page loads, the UI served from the app's own protocol, the IPC handlers and the menu installed.
 * Paths come in from index.ts so the whole start-up can run in tests with Electron mocked.
 */
import { BrowserWindow, app, ipcMain, protocol, session } from 'electron';
import type { AppInfo } from '../ipc/contract';
import { openFileWithDialog, saveFileWithDialog } from './files';
import { registerIpcHandlers } from './ipc-handlers';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

export interface StartOptions {
  /** The built renderer folder (contains index.html). */
  readonly rendererDir: string;
  /** The built preload script. */
  readonly preload: string;
  /** DevTools and their menu item: development builds only. */
  readonly devTools: boolean;
  readonly log?: (message: string) => void;
}

export function appInfo(): AppInfo {
  return {
    version: app.getVersion(),
    platform: process.platform,
    dataLocations: { database: app.getPath('userData'), logs: app.getPath('logs') },
  };
}

/** Everything that must happen before `ready`; then the rest once Electron is ready. */
export function startSubtier(options: StartOptions): Promise<void> {
  const log = options.log ?? ((message: string) => console.warn(message));
  registerAppScheme(protocol);
  app.enableSandbox();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }

  let mainWindow: BrowserWindow | null = null;
  const openWindow = () => {
    mainWindow = createMainWindow({ preload: options.preload, devTools: options.devTools });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  // Every web contents, whatever creates it, gets the navigation and window rules first.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  return app.whenReady().then(() => {
    hardenSession(session.defaultSession, (blocked) => log(`Blocked a ${blocked.resourceType} request to ${blocked.url}: Subtier works offline.`));
    serveRenderer(protocol, options.rendererDir);
    registerIpcHandlers(ipcMain, {
      windows: () => BrowserWindow.getAllWindows(),
      appInfo,
      openFile: openFileWithDialog,
      saveFile: (window, args) => saveFileWithDialog(window, args, app.getPath('documents')),
      onRejected: (channel, reason) => log(`Refused ${channel}: ${reason}`),
    });
    installMenu({ isMac: process.platform === 'darwin', devTools: options.devTools, appInfo });
    openWindow();
  });
}
