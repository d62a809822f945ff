#!/usr/bin/env node
// The `subtier` executable: runs the CLI bundle that `npm install` / `npm ci` builds (the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../../out/cli/subtier.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('subtier: the CLI is not built yet. Run `npm install` (or `npm run build:cli`) in the Subtier folder.\n');
  process.exit(1);
}
await import(bundle);
