// Test configuration: four projects run by one `vitest run`. The fast tier is `unit` and
// `integration`; `slow` holds the files named *.slow.test.ts(x) (fuzzing, limits, whole-product
// agreement and engine equivalence over many generated inputs), wherever they sit; `e2e` drives the
// built web app in Chromium. A small reporter prints the closing "N passed, N failed" line CI reads.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
// A checkout may share its node_modules by a link to another folder; asset imports (`?url`) from
// there must still load.
const modules = realpathSync(`${root}node_modules`);
const SLOW = '**/*.slow.test.{ts,tsx}';

export default defineConfig({
  root,
  server: { fs: { allow: [root, modules] } },
  test: {
    reporters: ['default', './tests/support/count-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: [SLOW],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          exclude: [SLOW],
          environment: 'node',
          setupFiles: ['tests/support/integration-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'slow',
          include: ['tests/unit/**/*.slow.test.ts', 'tests/integration/**/*.slow.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['tests/support/integration-setup.ts'],
          testTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
