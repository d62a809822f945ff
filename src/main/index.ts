/**
 * The main process entry point, bundled by electron-vite to out/main/index.js (the package's
 * "main"). It only locates the built preload and renderer next to itself and starts the app.
 */
import { join } from 'node:path';
import { app } from 'electron';
import { startSubtier } from './app';

const here = import.meta.dirname;

void startSubtier({
  rendererDir: join(here, '..', 'renderer'),
  preload: join(here, '..', 'preload', 'index.cjs'),
  devTools: !app.isPackaged,
});
