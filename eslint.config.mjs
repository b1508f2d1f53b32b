// Lint rules, including the import boundaries between layers (the VS Code "code-import-patterns" idea).
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const boundary = (message, { paths = [], groups = [] }) => ({
  'no-restricted-imports': ['error', { paths: paths.map((name) => ({ name, message })), patterns: groups.map((group) => ({ group: [group], message })) }],
});

const renameMessage = 'Use writeFileDurably() or moveDurably() from electron/core/base/durable-file.ts, not rename.';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'shell', property: 'openExternal', message: 'Use openExternalSafely() from electron/shell/navigation-guard.ts.' }],
      // One durable write path: a bare rename skips the fsyncs that make a replacement survive a power cut.
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportSpecifier[imported.name=/^rename(Sync)?$/]', message: renameMessage },
        { selector: 'MemberExpression[property.name=/^rename(Sync)?$/]', message: renameMessage },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: boundary('shared/ is pure TypeScript: no Node built-ins, no Electron, no DOM frameworks, no imports from other layers.', {
      paths: ['electron', 'react', 'react-dom', ...nodeBuiltins],
      groups: ['**/electron/**', '**/renderer/**'],
    }),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: boundary('renderer/ talks to the core only through the client interface: no Electron, no Node built-ins, no main-process code.', {
      paths: ['electron', ...nodeBuiltins],
      groups: ['**/electron/**'],
    }),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: boundary('electron/core/ is plain Node: it never imports electron, the shell or the renderer.', {
      paths: ['electron'],
      groups: ['**/renderer/**', '**/shell/**', '**/preload/**'],
    }),
  },
  {
    files: ['electron/shell/**/*.ts', 'electron/preload/**/*.ts'],
    rules: boundary('electron/ never imports renderer/.', { groups: ['**/renderer/**'] }),
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/core/base/durable-file.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['electron/shell/navigation-guard.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
