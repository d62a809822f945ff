// The fence holds: the project's own ESLint configuration, run through ESLint's Node API on code
// held in memory, refuses every kind of illegal import the architecture rules name (in every form an
// import can take) and lets the legal ones through. The whole source tree also has no import cycle.
import { builtinModules } from 'node:module';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/shared';
import { importCycles } from './import-graph';

const eslint = new ESLint({ cwd: REPO_ROOT, overrideConfigFile: `${REPO_ROOT}/.eslint.config.js` });

/** The messages of the dependency rules for `code` placed at `file`. */
async function fenceMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}/${file}` });
  const rules = new Set(['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax', 'no-restricted-properties']);
  return result!.messages.filter((m) => m.ruleId && rules.has(m.ruleId)).map((m) => m.message);
}

/** The forms an import of `spec` can take, one a line, each using its own name. */
const FORMS = ['import', 'type import', 're-export', 'import = require', 'require', 'dynamic import'] as const;
const formLines = (spec: string) => [
  `import x0 from '${spec}';`,
  `import type { X1 } from '${spec}';`,
  `export * from '${spec}';`,
  `import x3 = require('${spec}');`,
  `export const x4 = require('${spec}');`,
  `export const x5 = import('${spec}');`,
  'export type Y = X1;',
  'export const z = [x0, x3];',
].join('\n');

/** Every form of importing `spec` from `file` is refused, each on its own line. */
async function refused(file: string, spec: string): Promise<void> {
  const [result] = await eslint.lintText(formLines(spec), { filePath: `${REPO_ROOT}/${file}` });
  const rules = new Set(['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax']);
  const flagged = new Set(result!.messages.filter((m) => m.ruleId && rules.has(m.ruleId)).map((m) => m.line));
  const missed = FORMS.filter((_form, i) => !flagged.has(i + 1));
  expect(missed, `forms of ${spec} let through in ${file}`).toEqual([]);
}

describe('the dependency lint', () => {
  const core = 'src/core/risk/new-rule.ts';

  it('refuses every Node built-in in the core, with and without node:', async () => {
    const specs = builtinModules.filter((m) => !m.startsWith('_')).flatMap((m) => (m.startsWith('node:') ? [m] : [m, `node:${m}`]));
    const code = specs.map((spec, i) => `import x${i} from '${spec}';`).join('\n') + `\nexport const y = [${specs.map((_s, i) => `x${i}`).join(', ')}];\n`;
    const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}/${core}` });
    const flagged = new Set(result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.line));
    expect(specs.filter((_s, i) => !flagged.has(i + 1))).toEqual([]);
    expect(specs.length).toBeGreaterThan(80);
  });

  it('refuses Node built-ins in the renderer, the store and the IPC contract', async () => {
    for (const file of ['renderer/features/x/y.ts', 'src/store/x.ts', 'src/ipc/x.ts']) {
      for (const spec of ['fs', 'node:fs', 'path/posix', 'worker_threads', 'node:test']) await refused(file, spec);
    }
  });

  it('refuses require() and dynamic import() of anything in the core', async () => {
    for (const file of [core, 'src/core/services/x.ts']) {
      expect(await fenceMessages(file, "export const y = require('./catalog');\n")).toEqual([expect.stringMatching(/: no require\(\)\.$/)]);
      expect(await fenceMessages(file, "export const y = import('./catalog');\n")).toEqual([expect.stringMatching(/: no dynamic import\(\)\.$/)]);
    }
  });

  it('refuses the shells in the core, bare folder imports included', async () => {
    for (const spec of ['../../store', '../../store/index', '../../main', '../../main/app', '../../renderer/app/App', '../../cli', '../../ipc/contract', '../../preload']) await refused(core, spec);
    for (const spec of ['electron', 'react', 'react-dom/client', 'dexie', 'pdfjs-dist', 'pdfjs-dist/legacy/build/pdf.mjs']) await refused(core, spec);
  });

  it('refuses use cases in every domain folder, and allows them in services', async () => {
    for (const folder of ['model', 'chain', 'risk', 'screening', 'io', 'report', 'crypto']) {
      await refused(`src/core/${folder}/x.ts`, '../services');
      await refused(`src/core/${folder}/x.ts`, '../services/repository');
    }
    expect(await fenceMessages('src/core/services/x.ts', "import { scoreProject } from '../risk';\nexport const y = scoreProject;\n")).toEqual([]);
    expect(await fenceMessages('src/core/report/x.ts', "import { scoreProject } from '../risk';\nexport const y = scoreProject;\n")).toEqual([]);
  });

  it('refuses the renderer in main, main and the renderer in the store, Electron and the renderer in the CLI', async () => {
    for (const spec of ['../../renderer/app/App', '../../renderer', 'react']) await refused('src/main/window.ts', spec);
    for (const spec of ['../main', '../main/app', '../../renderer/app/bridge', '../../renderer', 'electron']) await refused('src/store/x.ts', spec);
    for (const spec of ['electron', '../../renderer/app/App', '../renderer', '../main/files']) await refused('src/cli/commands/x.ts', spec);
    expect(await fenceMessages('src/main/files.ts', "import { readFile } from 'node:fs/promises';\nimport { app } from 'electron';\nexport const y = [readFile, app];\n")).toEqual([]);
    expect(await fenceMessages('src/cli/io.ts', "import { readFile } from 'node:fs/promises';\nimport { scoreProject } from '../core/risk';\nexport const y = [readFile, scoreProject];\n")).toEqual([]);
  });

  it('keeps the renderer off Electron, the main process and the tables', async () => {
    for (const spec of ['electron', '../../../src/main/app', '../../../src/preload', '../../../src/cli/io', '../../../src/core/services/project-records']) await refused('renderer/features/x/y.tsx', spec);
    const table = await fenceMessages('renderer/features/x/y.tsx', "declare const repo: { backend: unknown; setSetting(k: string, v: unknown): void };\nexport const y = repo.backend;\nrepo.setSetting('k', 1);\n");
    expect(table).toHaveLength(2);
    expect(await fenceMessages('renderer/features/x/y.tsx', "import { listHits } from '../../../src/core/services';\nexport const y = import('../../../assets/samples/stadium-demo.json');\nexport const z = listHits;\n")).toEqual([]);
  });

  it('lets the preload import only electron and the IPC contract', async () => {
    expect(await fenceMessages('src/preload/index.ts', "import { contextBridge } from 'electron';\nimport { CHANNELS } from '../ipc/channels';\nexport const y = [contextBridge, CHANNELS];\n")).toEqual([]);
    for (const spec of ['fs', '../core/model', '../main/app', 'react']) await refused('src/preload/index.ts', spec);
  });
});

describe('the import graph', () => {
  it('has no cycle in src/ or renderer/', () => {
    expect(importCycles(REPO_ROOT, ['src', 'renderer'])).toEqual([]);
  });
});
