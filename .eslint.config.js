// Lint rules for Subtier. Besides correctness, this file enforces the architecture's
// dependency direction: the pure core never reaches for Electron, React, Dexie or Node,
// the renderer never touches Electron or Node, and the preload sees only electron and the IPC contract.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Bare module names only: a gitignore-style group would also match our own folders (src/core/crypto).
const nodeBuiltins = { regex: '^(node:.*|fs|path|os|crypto|child_process|http|https|net|url|worker_threads|stream|zlib)(/.*)?$' };

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
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'src/core is pure: no Electron.' },
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/core is pure: no React.' },
          { group: ['dexie', 'dexie-*'], message: 'src/core is pure: persistence lives in src/store.' },
          { ...nodeBuiltins, message: 'src/core is pure: no Node built-ins (it runs in the renderer and workers too).' },
          { group: ['**/store/**', '**/main/**', '**/preload/**', '**/cli/**', '**/renderer/**', '**/ipc/**'], message: 'src/core imports only src/core and pure libraries.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The renderer talks to the main process only through window.subtier.' },
          { ...nodeBuiltins, message: 'The renderer runs in a sandbox: no Node built-ins.' },
          { group: ['**/src/main/**', '**/src/preload/**', '**/src/cli/**'], message: 'The renderer must not import main, preload or CLI code.' },
        ],
      }],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*', 'react', 'react-dom'], message: 'The store is UI- and shell-agnostic.' },
          { ...nodeBuiltins, message: 'The store runs in the renderer: no Node built-ins.' },
        ],
      }],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!electron$|\\.\\./ipc/[\\w-]+$)', message: 'The preload may import only electron and src/ipc.' },
        ],
      }],
    },
  },
  {
    files: ['src/ipc/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*', 'react', 'dexie'], message: 'The IPC contract is plain types and schemas.' },
          { ...nodeBuiltins, message: 'The IPC contract is plain types and schemas.' },
        ],
      }],
    },
  },
);
