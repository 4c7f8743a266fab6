import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/ (ARCHITECTURE.md): arrows point down only, type imports included.
 *   cli.ts, context.ts -> commands -> app -> ui | sync -> store | source -> core
 * Each zone names a folder and what it must not import. Import cycles and folder sizes are checked by
 * scripts/check-imports.mjs, which also counts type-only imports.
 */
const top = ['./src/cli.ts', './src/context.ts'];
const LAYERS = [
  { target: './src/core', from: [...top, './src/commands', './src/app', './src/ui', './src/store', './src/source', './src/sync'], message: 'core is pure: it imports only core' },
  { target: './src/core/parse', from: ['./src/core/progress'], message: 'parsing knows nothing of progress' },
  { target: './src/core/progress', from: ['./src/core/parse'], message: 'the progress model works on the parsed tree (core/types.ts), not on the parser' },
  { target: './src/source', from: [...top, './src/commands', './src/app', './src/ui', './src/store', './src/sync'], message: 'source reads roadmaps; it reports through callbacks, not the ui, and knows no store' },
  { target: './src/store', from: [...top, './src/commands', './src/app', './src/ui', './src/source', './src/sync'], message: 'store persists progress; it imports only core and store' },
  { target: './src/sync', from: [...top, './src/commands', './src/app', './src/ui', './src/source'], message: 'sync runs git over the store; it imports only core, store and sync' },
  { target: './src/ui', from: [...top, './src/commands', './src/app', './src/store', './src/source', './src/sync'], message: 'ui renders ready view-models; it imports only core and ui' },
  { target: './src/app', from: ['./src/cli.ts', './src/commands'], message: 'app serves the commands; it does not know them' },
  { target: './src/context.ts', from: ['./src/cli.ts', './src/commands', './src/app'], message: 'the context is below the commands' },
  { target: './src/commands', from: ['./src/cli.ts'], message: 'commands are below the program' },
  // Verbs with subcommands or siblings live in folders: commands/sync/ (the sync verb and its subcommands),
  // commands/history/ (log, undo, redo) and commands/shelf/ (add, roadmaps, use, update, remove), one verb per file.
  // No command imports another, across folders too.
  { target: './src/commands/*.ts', from: ['./src/commands/*.ts', './src/commands/sync/*.ts', './src/commands/history/*.ts', './src/commands/shelf/*.ts'], message: 'a command does not import another command: move what both need to app/ or core/' },
  { target: './src/commands/sync/*.ts', from: ['./src/commands/*.ts', './src/commands/history/*.ts', './src/commands/shelf/*.ts'], message: 'a command does not import another command (sync/ is the sync verb and its subcommands)' },
  { target: './src/commands/history/*.ts', from: ['./src/commands/*.ts', './src/commands/sync/*.ts', './src/commands/history/*.ts', './src/commands/shelf/*.ts'], message: 'a command does not import another command (history/ holds log, undo and redo, one verb per file)' },
  { target: './src/commands/shelf/*.ts', from: ['./src/commands/*.ts', './src/commands/sync/*.ts', './src/commands/history/*.ts', './src/commands/shelf/*.ts'], message: 'a command does not import another command (shelf/ holds add, roadmaps, use, update and remove, one verb per file)' },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bin/', 'scripts/', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: LAYERS }],
      // f(...items) passes every item as an argument: past about 125,000 the stack overflows (issue 18).
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement', message: 'a spread argument overflows the stack on large input: use appendAll, maxOf or minOf from core/append.ts' },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
