// Starts the real main-process code against the fake Electron and returns what a test inspects.
import { startSubtier } from '../../../src/main/app';
import * as electron from './fake-electron';

export interface Started {
  readonly window: electron.FakeBrowserWindow;
  readonly session: (typeof electron.session)['defaultSession'];
  readonly blocked: string[];
}

export async function startApp(options: { devTools?: boolean; rendererDir?: string } = {}): Promise<Started> {
  electron.resetFakeElectron();
  const blocked: string[] = [];
  const started = startSubtier({
    rendererDir: options.rendererDir ?? '/nonexistent/renderer',
    preload: '/app/out/preload/index.cjs',
    devTools: options.devTools ?? false,
    log: (message) => blocked.push(message),
  });
  electron.app.becomeReady();
  await started;
  const window = electron.FakeBrowserWindow.all[0];
  if (!window) throw new Error('the app opened no window');
  return { window, session: electron.session.defaultSession, blocked };
}
