// electron-vite configuration: the main process (ESM, out/main/index.js, the package's "main"),
// the preload (one self-contained CommonJS file, out/preload/index.cjs: a sandboxed preload can
// neither be an ES module nor require anything but electron), and the renderer (renderer/index.html,
// built with the same settings as the web build in renderer/vite.config.ts, into out/renderer).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer/vite.config';

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: path('./out/main'),
      lib: { entry: path('./src/main/index.ts'), formats: ['es'], fileName: () => 'index.js' },
    },
  },
  preload: {
    build: {
      outDir: path('./out/preload'),
      externalizeDeps: false,
      lib: { entry: path('./src/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
    },
  },
  renderer: {
    ...rendererConfig,
    root: path('./renderer'),
    build: {
      ...rendererConfig.build,
      outDir: path('./out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: path('./renderer/index.html') },
    },
  },
});
