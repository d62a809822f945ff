// Lint rules for Subtier. Besides correctness, this file enforces the architecture's dependency
// direction (the README's "Dependency rules"): the pure core reaches for no Electron, React, Dexie,
// Node or PDF viewer, and its domain folders never import the use cases above them; the renderer
// never touches Electron or Node and calls use cases, not tables; the preload sees only electron and
// the IPC contract; main, store and CLI stay out of each other's and the renderer's way. Each rule
// covers static imports, re-exports, `import x = require()`, `require()` and dynamic `import()`;
// tests/unit/fence/dependency-lint.test.ts feeds it one illegal import of every kind.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A module name regex for a list of bare names, matching the name and any subpath of it. */
const named = (names) => `^(${names.map(escape).join('|')})(/.*)?$`;
/** A regex for relative imports of one of our folders, bare (`../../store`) or into it (`../store/x`). */
const folders = (names) => `^\\.{1,2}/(.*/)?(${names.join('|')})(/.*)?$`;

const NODE = { regex: `^node:|${named(builtinModules.filter((m) => !m.startsWith('node:')))}`, what: 'Node built-ins' };
const ELECTRON = { regex: named(['electron']), what: 'Electron' };
const REACT = { regex: named(['react', 'react-dom']), what: 'React' };
const DEXIE = { regex: '^dexie($|-|/)', what: 'Dexie' };
const PDF_VIEWER = { regex: named(['pdfjs-dist']), what: 'the PDF viewer (pdfjs-dist)' };
const SHELLS = { regex: folders(['store', 'main', 'preload', 'cli', 'renderer', 'ipc']), what: 'the shells (store, main, preload, cli, renderer, ipc)' };
const SERVICES = { regex: folders(['services']), what: 'the use cases in services' };
const RENDERER = { regex: folders(['renderer']), what: 'the renderer' };
const MAIN = { regex: folders(['main']), what: 'the main process' };
const PRELOAD = { regex: folders(['preload']), what: 'the preload' };
const CLI = { regex: folders(['cli']), what: 'the CLI' };
const RECORDS = { regex: '(^|/)services/project-records$', what: 'table-level record access (call a use case)' };

/**
 * Forbids the given module groups for a set of files, in every form an import can take. With
 * `noDynamic`, `require()` and `import()` are refused outright (the core loads nothing lazily).
 */
function fence(files, why, groups, { noDynamic = false, ignores = [] } = {}) {
  const message = (g) => `${why}: no ${g.what}.`;
  const calls = groups.flatMap((g) => {
    // Selector regexes cannot hold a slash, even escaped: write it as \x2F.
    const re = `/${g.regex.replace(/\//g, '\\x2F')}/`;
    return [
      { selector: `ImportExpression[source.value=${re}]`, message: message(g) },
      { selector: `CallExpression[callee.name='require'][arguments.0.value=${re}]`, message: message(g) },
    ];
  });
  const dynamic = noDynamic ? [
    { selector: 'ImportExpression', message: `${why}: no dynamic import().` },
    { selector: "CallExpression[callee.name='require']", message: `${why}: no require().` },
  ] : [];
  return {
    files,
    ignores,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: groups.map((g) => ({ regex: g.regex, message: message(g) })) }],
      'no-restricted-syntax': ['error', ...dynamic, ...(noDynamic ? [] : calls)],
    },
  };
}

const DOMAIN = ['model', 'chain', 'risk', 'screening', 'io', 'report', 'crypto'].map((d) => `src/core/${d}/**/*.ts`);

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist-web/**', '.test-results/**', '.bench/**', 'assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  fence(['src/core/**/*.ts'], 'src/core is pure (it runs in the renderer, workers and Node alike)', [ELECTRON, REACT, DEXIE, NODE, PDF_VIEWER, SHELLS], { noDynamic: true }),
  fence(DOMAIN, 'Domain folders are pure functions over values, below the use cases', [ELECTRON, REACT, DEXIE, NODE, PDF_VIEWER, SHELLS, SERVICES], { noDynamic: true }),
  fence(['renderer/**/*.{ts,tsx}'], 'The renderer runs sandboxed and talks to the main process only through window.subtier', [ELECTRON, NODE, MAIN, PRELOAD, CLI, RECORDS], { ignores: ['renderer/vite.config.ts'] }),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      // Components call use cases (src/core/services), never the storage underneath.
      'no-restricted-properties': ['error',
        ...['backend', 'mutate', 'getSetting', 'setSetting', 'replaceProjectRows', 'sealForWrite'].map((property) => ({ property, message: 'Components call use cases in src/core/services, never the storage underneath.' })),
      ],
    },
  },
  fence(['src/store/**/*.ts'], 'The store runs in the renderer and serves the core', [ELECTRON, REACT, NODE, MAIN, PRELOAD, CLI, RENDERER]),
  fence(['src/main/**/*.ts'], 'The main process never loads interface code', [RENDERER, REACT]),
  fence(['src/cli/**/*.{ts,mjs}'], 'The CLI is a Node shell over the core', [ELECTRON, REACT, RENDERER, MAIN, PRELOAD]),
  fence(['src/ipc/**/*.ts'], 'The IPC contract is plain types and schemas', [ELECTRON, REACT, DEXIE, NODE]),
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!electron$|\\.\\./ipc/[\\w-]+$)', message: 'The preload may import only electron and src/ipc.' },
        ],
      }],
      'no-restricted-syntax': ['error',
        { selector: 'ImportExpression', message: 'The preload may import only electron and src/ipc: no dynamic import().' },
        { selector: "CallExpression[callee.name='require'][arguments.0.value!='electron']", message: 'The preload may import only electron and src/ipc.' },
      ],
    },
  },
);
