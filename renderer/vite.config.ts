// Vite configuration of the renderer. The web build (dist-web/) runs the same UI in a browser with the
// same IndexedDB database; end-to-end tests drive it. electron.config.ts reuses `rendererConfig`.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { UserConfig } from 'vite';

const rendererRoot = fileURLToPath(new URL('.', import.meta.url));

/** Settings shared by the web build and the Electron renderer build. */
export const rendererConfig: UserConfig = {
  root: rendererRoot,
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'chrome130',
    chunkSizeWarningLimit: 8000,
    assetsInlineLimit: 0,
  },
};

export default defineConfig({
  ...rendererConfig,
  build: { ...rendererConfig.build, outDir: fileURLToPath(new URL('../dist-web', import.meta.url)), emptyOutDir: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
});
