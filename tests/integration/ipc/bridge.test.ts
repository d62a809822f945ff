// @vitest-environment jsdom
// The renderer's bridge: in the desktop app it forwards to window.subtier; in a browser it falls back
// to a file input and a download link, with the same size limits and results. It is also the only
// renderer file that may touch window.subtier.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appInfo, isDesktop, openFile, saveFile } from '../../../renderer/app/bridge';
import { FILE_KINDS } from '../../../src/ipc/contract';
import type { SubtierBridge } from '../../../src/ipc/contract';

// tests/support/shared.ts builds its paths with URL, which jsdom replaces in this environment.
const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');

afterEach(() => {
  delete (window as { subtier?: SubtierBridge }).subtier;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function installDesktop(): SubtierBridge {
  const bridge: SubtierBridge = {
    appInfo: vi.fn(async () => ({ ok: true as const, value: { version: '9.9.9', platform: 'linux', dataLocations: { database: '/d', logs: '/l' } } })),
    openFile: vi.fn(async () => ({ ok: true as const, value: { name: 'a.xlsx', bytes: new Uint8Array([1]) } })),
    saveFile: vi.fn(async () => ({ ok: true as const, value: { name: 'chosen.pdf' } })),
  };
  (window as { subtier?: SubtierBridge }).subtier = bridge;
  return bridge;
}

describe('in the desktop app', () => {
  it('forwards every call to window.subtier', async () => {
    const bridge = installDesktop();
    expect(isDesktop()).toBe(true);
    expect(await appInfo()).toMatchObject({ ok: true, value: { version: '9.9.9' } });
    expect(await openFile('workbook')).toEqual({ ok: true, value: { name: 'a.xlsx', bytes: new Uint8Array([1]) } });
    expect(bridge.openFile).toHaveBeenCalledWith({ kind: 'workbook' });
    const bytes = new Uint8Array([1, 2]);
    expect(await saveFile({ suggestedName: 'r.pdf', bytes, filters: [{ name: 'PDF', extensions: ['pdf'] }] })).toEqual({ ok: true, value: { name: 'chosen.pdf' } });
    expect(bridge.saveFile).toHaveBeenCalledWith({ suggestedName: 'r.pdf', bytes, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(document.querySelector('a, input')).toBeNull();
  });
});

describe('in a browser', () => {
  it('reports the web platform and browser storage', async () => {
    expect(isDesktop()).toBe(false);
    const info = await appInfo();
    expect(info.ok && info.value.platform).toBe('web');
  });

  it('opens a file through a hidden file input limited to the kind\'s extensions', async () => {
    const pending = openFile('workbook');
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    expect(input.accept).toBe('.xlsx');
    const file = new File([new Uint8Array([80, 75])], 'chain.xlsx');
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    expect(await pending).toEqual({ ok: true, value: { name: 'chain.xlsx', bytes: new Uint8Array([80, 75]) } });
    expect(document.querySelector('input')).toBeNull();
  });

  it('resolves null when the user cancels the picker', async () => {
    const pending = openFile('bundle');
    document.querySelector('input')!.dispatchEvent(new Event('cancel'));
    expect(await pending).toEqual({ ok: true, value: null });
  });

  it('refuses a file over the kind\'s size limit with the same message as the desktop app', async () => {
    const pending = openFile('attestation');
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File(['x'], 'form.pdf');
    Object.defineProperty(file, 'size', { value: FILE_KINDS.attestation.maxBytes + 1 });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    expect(await pending).toEqual({ ok: false, error: 'form.pdf is 25.0 MB; the largest returned attestation form (pdf) Subtier opens is 25.0 MB.' });
  });

  it('saves through a download link carrying the suggested name', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:http://localhost/1';
    });
    URL.revokeObjectURL = vi.fn();
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    const result = await saveFile({ suggestedName: 'report.pdf', bytes: new Uint8Array([37, 80]), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(result).toEqual({ ok: true, value: { name: 'report.pdf' } });
    expect(clicks).toHaveLength(1);
    expect(clicks[0]!.download).toBe('report.pdf');
    expect(clicks[0]!.href).toBe('blob:http://localhost/1');
    expect(created[0]!.type).toBe('application/pdf');
    expect(new Uint8Array(await created[0]!.arrayBuffer())).toEqual(new Uint8Array([37, 80]));
  });
});

/** True when the source reads a `subtier` property (`x.subtier`, `x['subtier']`), parsed, not grepped. */
function accessesSubtier(fileName: string, source: string): boolean {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'subtier') found = true;
    if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression) && node.argumentExpression.text === 'subtier') found = true;
    if (!found) ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('the boundary', () => {
  async function sources(dir: string): Promise<string[]> {
    const out: string[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) out.push(...(await sources(path)));
      else if (/\.(ts|tsx)$/.test(entry.name)) out.push(path);
    }
    return out;
  }

  it('no renderer file but app/bridge.ts touches window.subtier', async () => {
    const offenders: string[] = [];
    for (const file of await sources(join(REPO_ROOT, 'renderer'))) {
      const rel = relative(REPO_ROOT, file);
      if (rel === join('renderer', 'app', 'bridge.ts')) continue;
      if (accessesSubtier(file, await readFile(file, 'utf8'))) offenders.push(rel);
    }
    expect(offenders).toEqual([]);
  });
});
