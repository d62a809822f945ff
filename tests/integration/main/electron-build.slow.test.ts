// The Electron build that `npm start` runs: electron-vite with electron.config.ts must produce the
// main entry package.json points to, a preload that a sandboxed renderer can load (one CommonJS
// file that requires nothing but electron), and a renderer whose files the app:// protocol serves.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'electron-vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveAppFile } from '../../../src/main/protocol';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const OUT = join(ROOT, 'out');

beforeAll(async () => {
  await build({ configFile: join(ROOT, 'electron.config.ts'), logLevel: 'silent' });
}, 120_000);

describe('the Electron build', () => {
  it('writes the main entry that package.json names', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('out/main/index.js');
    expect(existsSync(join(ROOT, pkg.main))).toBe(true);
    expect(pkg.scripts.start).toBe('electron-vite build --config electron.config.ts && electron .');
    const main = await readFile(join(OUT, 'main', 'index.js'), 'utf8');
    expect(main).toContain("from \"electron\"");
    expect(main).toContain('preload');
    expect(main).toContain('index.cjs');
  });

  it('bundles the preload into one CommonJS file that requires only electron', async () => {
    const preload = await readFile(join(OUT, 'preload', 'index.cjs'), 'utf8');
    const requires = [...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(requires).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain('exposeInMainWorld("subtier"');
  });

  it('builds the renderer with relative asset paths that the app:// protocol resolves', async () => {
    const rendererDir = join(OUT, 'renderer');
    const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset.startsWith('./')).toBe(true);
      const file = resolveAppFile(rendererDir, new URL(asset, 'app://subtier/index.html').href);
      expect(file && existsSync(file), asset).toBe(true);
    }
  });
});
