/**
 * The preload script: runs sandboxed before the UI and exposes `window.subtier`, exactly the
 * methods of the IPC contract and nothing else. No Electron object, event or generic send/on
 * crosses into the page; each method forwards its one argument to its one channel.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, err } from '../ipc/channels';
import type { Result } from '../ipc/channels';
import type { SubtierBridge } from '../ipc/contract';

/** Invokes a channel; a failure of the IPC itself also comes back as a Result, never as a throw. */
async function call<T>(channel: string, arg?: unknown): Promise<Result<T>> {
  try {
    return (await (arg === undefined ? ipcRenderer.invoke(channel) : ipcRenderer.invoke(channel, arg))) as Result<T>;
  } catch (error) {
    return err(`The app could not complete the request: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const bridge: SubtierBridge = {
  appInfo: () => call(CHANNELS.appInfo),
  openFile: (args) => call(CHANNELS.openFile, args),
  saveFile: (args) => call(CHANNELS.saveFile, args),
};

contextBridge.exposeInMainWorld('subtier', bridge);
