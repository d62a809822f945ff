// Builds the CLI into one Node ESM file, out/cli/subtier.mjs. Run by `npm install`/`npm ci` (prepare).
// Dependencies stay external (they are in node_modules); assets are read from the checkout at run time.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/cli',
    emptyOutDir: true,
    minify: false,
    rolldownOptions: {
      input: { subtier: 'src/cli/main.ts' },
      external: [/^node:/, ...builtinModules],
      output: { format: 'es', entryFileNames: '[name].mjs' },
    },
  },
});
