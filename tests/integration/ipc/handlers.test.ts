// The main-process IPC handlers: only the contract's channels exist, each rejects a sender that is
// not the app's own main frame, each validates its argument and answers with a Result, never an
// exception. File handlers are run end to end against real temporary files.
import { mkdtemp, readFile, readdir, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from '../main/fake-electron';
import { startApp } from '../main/start-app';
import type { Started } from '../main/start-app';
import { CHANNELS, FILE_KINDS } from '../../../src/ipc/contract';
import type { Result } from '../../../src/ipc/contract';

vi.mock('electron', () => import('../main/fake-electron'));

let started: Started;
let dir: string;

beforeEach(async () => {
  started = await startApp();
  dir = await mkdtemp(join(tmpdir(), 'subtier-ipc-'));
});

/** Invokes a handler as the window's own main frame (or as someone else). */
function invoke(channel: string, args: unknown[], from?: ReturnType<typeof electron.ipcEventFrom>): Promise<Result<unknown>> {
  const handler = electron.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const event = from ?? electron.ipcEventFrom(started.window.webContents, 'app://subtier/index.html');
  return handler(event, ...args) as Promise<Result<unknown>>;
}

const errorOf = (r: Result<unknown>) => (r.ok ? null : r.error);

describe('channels', () => {
  it('registers exactly the contract\'s channels', () => {
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
  });

  it('answers the app\'s own window with app info', async () => {
    const result = await invoke(CHANNELS.appInfo, []);
    expect(result).toEqual({ ok: true, value: { version: '0.1.0-test', platform: process.platform, dataLocations: { database: '/fake/userData', logs: '/fake/logs' } } });
  });
});

describe('sender check', () => {
  const stranger = () => new electron.FakeWebContents();

  it.each(Object.values(CHANNELS))('%s rejects web contents that are not a Subtier window', async (channel) => {
    const result = await invoke(channel, [{ kind: 'workbook' }], electron.ipcEventFrom(stranger(), 'app://subtier/index.html'));
    expect(errorOf(result)).toMatch(/Refused/);
  });

  it.each(Object.values(CHANNELS))('%s rejects a subframe of the window', async (channel) => {
    const result = await invoke(channel, [], electron.ipcEventFrom(started.window.webContents, 'app://subtier/index.html', { subframe: true }));
    expect(errorOf(result)).toMatch(/Refused/);
  });

  it.each(['https://example.com/', 'file:///tmp/evil.html', 'app://evil/index.html', 'about:blank'])('rejects the window when it shows %s', async (url) => {
    const result = await invoke(CHANNELS.appInfo, [], electron.ipcEventFrom(started.window.webContents, url));
    expect(errorOf(result)).toMatch(/Refused/);
  });

  it('rejects an event without a frame, and a window that was closed', async () => {
    const handler = electron.ipcMain.handlers.get(CHANNELS.appInfo)!;
    expect(errorOf(await (handler({ sender: started.window.webContents, senderFrame: null }) as Promise<Result<unknown>>))).toMatch(/Refused/);
    started.window.destroyed = true;
    expect(errorOf(await invoke(CHANNELS.appInfo, []))).toMatch(/Refused/);
  });

  it('does not open a dialog for a refused sender', async () => {
    await invoke(CHANNELS.openFile, [{ kind: 'workbook' }], electron.ipcEventFrom(stranger(), 'app://subtier/index.html'));
    expect(electron.dialog.opened).toHaveLength(0);
  });
});

describe('argument validation', () => {
  const pdf = [{ name: 'PDF', extensions: ['pdf'] }];
  it.each([
    [CHANNELS.appInfo, [{ anything: true }]],
    [CHANNELS.openFile, []],
    [CHANNELS.openFile, [{ kind: 'exe' }]],
    [CHANNELS.openFile, [{ kind: 'workbook', path: '/etc/passwd' }]],
    [CHANNELS.openFile, ['workbook']],
    [CHANNELS.openFile, [{ kind: 'workbook' }, 'extra']],
    [CHANNELS.saveFile, [{ suggestedName: '../../.bashrc', bytes: new Uint8Array(1), filters: pdf }]],
    [CHANNELS.saveFile, [{ suggestedName: '/etc/passwd', bytes: new Uint8Array(1), filters: pdf }]],
    [CHANNELS.saveFile, [{ suggestedName: 'C:\\x.pdf', bytes: new Uint8Array(1), filters: pdf }]],
    [CHANNELS.saveFile, [{ suggestedName: 'report.pdf', bytes: 'not bytes', filters: pdf }]],
    [CHANNELS.saveFile, [{ suggestedName: 'report.pdf', bytes: [1, 2, 3], filters: pdf }]],
    [CHANNELS.saveFile, [{ suggestedName: 'report.pdf', bytes: new Uint8Array(1), filters: Array(6).fill({ name: 'PDF', extensions: ['pdf'] }) }]],
    [CHANNELS.saveFile, [{ suggestedName: 'report.pdf', bytes: new Uint8Array(1), filters: [{ name: 'PDF', extensions: ['.p/df'] }] }]],
    [CHANNELS.saveFile, [{ suggestedName: 'report.pdf', bytes: new Uint8Array(1), filters: pdf, defaultPath: '/etc' }]],
  ])('%s with a bad argument %j gets an error result', async (channel, args) => {
    const result = await invoke(channel, args);
    expect(errorOf(result)).toMatch(/^Invalid request/);
    expect(electron.dialog.opened).toHaveLength(0);
    expect(electron.dialog.saved).toHaveLength(0);
  });
});

describe('hostile arguments', () => {
  /** A deterministic generator of odd values: nesting, prototype keys, huge strings, typed arrays. */
  function* oddValues(seed: number, count: number): Generator<unknown> {
    let x = seed;
    const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const atoms: (() => unknown)[] = [
      () => undefined, () => null, () => true, () => Number.NaN, () => -0, () => 1e308, () => '', () => 'x'.repeat(100_000),
      () => '../../etc/passwd', () => 'con\u0000.pdf', () => new Uint8Array(3), () => new Uint16Array(2), () => [], () => ({}),
      () => JSON.parse('{"__proto__": {"polluted": true}, "kind": "workbook"}'), () => ({ kind: 'workbook', constructor: 'x' }),
      () => ({ suggestedName: 'a.pdf', bytes: new Uint8Array(1), filters: [{ name: 'x', extensions: ['pdf'], extra: 1 }] }),
      () => Symbol.for('s').toString(), () => 10n.toString(), () => new Date(0), () => new Map([[1, 2]]),
    ];
    const make = (depth: number): unknown => {
      const r = next();
      if (depth > 3 || r < 0.5) return atoms[Math.floor(next() * atoms.length)]!();
      if (r < 0.75) return Array.from({ length: Math.floor(next() * 4) }, () => make(depth + 1));
      return Object.fromEntries(['kind', 'suggestedName', 'bytes', 'filters', 'name', 'extensions'].filter(() => next() < 0.5).map((k) => [k, make(depth + 1)]));
    };
    for (let i = 0; i < count; i++) yield make(0);
  }

  it.each(Object.values(CHANNELS))('%s answers 300 odd arguments with results, never an exception or a dialog', async (channel) => {
    let answered = 0;
    for (const value of oddValues(channel.length, 300)) {
      const result = await invoke(channel, [value]);
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) expect(typeof result.error).toBe('string');
      answered++;
    }
    expect(answered).toBe(300);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Cancelled dialogs are fine; what matters is that nothing was written and nothing thrown.
    expect(electron.dialog.saved.every((o) => typeof (o as { defaultPath?: string }).defaultPath === 'string')).toBe(true);
  });
});

describe('open file', () => {
  it('returns the chosen file\'s name and bytes', async () => {
    const path = join(dir, 'chain.xlsx');
    await writeFile(path, new Uint8Array([80, 75, 3, 4]));
    electron.dialog.nextOpen = { canceled: false, filePaths: [path] };
    const result = await invoke(CHANNELS.openFile, [{ kind: 'workbook' }]);
    expect(result.ok && result.value).toEqual({ name: 'chain.xlsx', bytes: new Uint8Array([80, 75, 3, 4]) });
    expect(electron.dialog.opened[0]).toMatchObject({ properties: ['openFile'], filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }, { name: 'All files', extensions: ['*'] }] });
  });

  it('returns null when the user cancels', async () => {
    expect(await invoke(CHANNELS.openFile, [{ kind: 'bundle' }])).toEqual({ ok: true, value: null });
  });

  it('refuses a file over its kind\'s size limit without reading it', async () => {
    const path = join(dir, 'huge.xlsx');
    await writeFile(path, '');
    await truncate(path, FILE_KINDS.workbook.maxBytes + 1); // sparse: no real disk used
    electron.dialog.nextOpen = { canceled: false, filePaths: [path] };
    const result = await invoke(CHANNELS.openFile, [{ kind: 'workbook' }]);
    expect(errorOf(result)).toBe('huge.xlsx is 25.0 MB; the largest excel workbook Subtier opens is 25.0 MB.');
  });

  it('reports a file that vanished as an error result', async () => {
    electron.dialog.nextOpen = { canceled: false, filePaths: [join(dir, 'gone.xlsx')] };
    expect(errorOf(await invoke(CHANNELS.openFile, [{ kind: 'workbook' }]))).toBe('gone.xlsx could not be opened: the file or its folder does not exist.');
  });

  it('turns a dialog that throws into an error result', async () => {
    const original = electron.dialog.showOpenDialog;
    electron.dialog.showOpenDialog = async () => {
      throw new Error('dialog crashed');
    };
    try {
      expect(errorOf(await invoke(CHANNELS.openFile, [{ kind: 'workbook' }]))).toBe('file:open failed: dialog crashed');
    } finally {
      electron.dialog.showOpenDialog = original;
    }
  });
});

describe('save file', () => {
  const args = (bytes: Uint8Array) => [{ suggestedName: 'report.pdf', bytes, filters: [{ name: 'PDF', extensions: ['pdf'] }] }];

  it('writes the bytes where the user chose, with no temporary file left behind', async () => {
    const target = join(dir, 'due-diligence.pdf');
    electron.dialog.nextSave = { canceled: false, filePath: target };
    const result = await invoke(CHANNELS.saveFile, args(new Uint8Array([37, 80, 68, 70])));
    expect(result).toEqual({ ok: true, value: { name: 'due-diligence.pdf' } });
    expect(new Uint8Array(await readFile(target))).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect(await readdir(dir)).toEqual(['due-diligence.pdf']);
    expect(electron.dialog.saved[0]).toMatchObject({ defaultPath: join('/fake/documents', 'report.pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  });

  it('accepts a save with no file-type filter (evidence without an extension)', async () => {
    electron.dialog.nextSave = { canceled: false, filePath: join(dir, 'README') };
    expect(await invoke(CHANNELS.saveFile, [{ suggestedName: 'README', bytes: new Uint8Array([1]), filters: [] }])).toEqual({ ok: true, value: { name: 'README' } });
  });

  it('returns null when the user cancels, and writes nothing', async () => {
    expect(await invoke(CHANNELS.saveFile, args(new Uint8Array(1)))).toEqual({ ok: true, value: null });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a folder that cannot be written as an error result', async () => {
    electron.dialog.nextSave = { canceled: false, filePath: join(dir, 'missing-folder', 'x.pdf') };
    expect(errorOf(await invoke(CHANNELS.saveFile, args(new Uint8Array(1))))).toBe('x.pdf could not be saved: the file or its folder does not exist.');
  });
});
