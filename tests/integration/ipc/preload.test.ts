// The preload's bridge: `window.subtier` is the only thing exposed, it has exactly the contract's
// methods, each calls its own channel with its one argument, and an IPC failure comes back as an
// error result rather than an exception.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as electron from '../main/fake-electron';
import { BRIDGE_METHODS, CHANNELS } from '../../../src/ipc/contract';
import type { SubtierBridge } from '../../../src/ipc/contract';

vi.mock('electron', () => import('../main/fake-electron'));

let bridge: SubtierBridge;

beforeAll(async () => {
  electron.resetFakeElectron();
  await import('../../../src/preload/index');
  bridge = electron.contextBridge.exposed.get('subtier') as SubtierBridge;
});

describe('window.subtier', () => {
  it('is the one and only thing the preload exposes', () => {
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['subtier']);
  });

  it('has exactly the contract\'s methods, all functions, and no other property', () => {
    expect(Object.keys(bridge).sort()).toEqual(['appInfo', 'openFile', 'saveFile']);
    expect([...BRIDGE_METHODS].sort()).toEqual(['appInfo', 'openFile', 'saveFile']);
    for (const key of Object.keys(bridge)) expect(typeof bridge[key as keyof SubtierBridge]).toBe('function');
    expect(Object.getPrototypeOf(bridge)).toBe(Object.prototype);
  });

  it('calls one channel per method and passes only the one argument', async () => {
    electron.ipcRenderer.invoked = [];
    const bytes = new Uint8Array([1, 2, 3]);
    await bridge.appInfo();
    await bridge.openFile({ kind: 'workbook' });
    await bridge.saveFile({ suggestedName: 'report.pdf', bytes, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(electron.ipcRenderer.invoked).toEqual([
      { channel: CHANNELS.appInfo, args: [] },
      { channel: CHANNELS.openFile, args: [{ kind: 'workbook' }] },
      { channel: CHANNELS.saveFile, args: [{ suggestedName: 'report.pdf', bytes, filters: [{ name: 'PDF', extensions: ['pdf'] }] }] },
    ]);
  });

  it('never leaks extra arguments a page might pass', async () => {
    electron.ipcRenderer.invoked = [];
    await (bridge.openFile as (...a: unknown[]) => Promise<unknown>)({ kind: 'workbook' }, 'extra', () => undefined);
    expect(electron.ipcRenderer.invoked[0]!.args).toHaveLength(1);
  });

  it('turns a failed IPC call into an error result', async () => {
    electron.ipcRenderer.reply = async () => {
      throw new Error('No handler registered');
    };
    const result = await bridge.appInfo();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain('No handler registered');
  });
});
