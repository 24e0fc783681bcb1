// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node built-ins by exact name (patterns would match folders like ./events or ./domain). */
const { builtinModules } = await import('node:module');
const nodeBuiltinPaths = (message) => builtinModules.map((name) => ({ name, message }));

/**
 * Layering, enforced here rather than remembered (docs/ARCHITECTURE.md rule 1). Each layer also matches a
 * folder under tests/lint-fixtures/ so a test can prove the rule bites.
 */
const layers = {
  shared: ['shared/**', 'tests/lint-fixtures/shared/**'],
  renderer: ['renderer/**', 'tests/lint-fixtures/renderer/**'],
  core: ['electron/core/**', 'electron/web/**', 'tests/lint-fixtures/core/**'],
  shell: ['electron/main/**', 'electron/preload/**'],
};

const electronBan = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import Electron.',
};

/** Test files, which may use vitest and tests/support; everything else in a layer is the app. */
const testFiles = ['**/*.test.ts', '**/*.test.tsx'];

/** Test code stays out of the application (test kits live in tests/support). */
const testCodeBan = [
  {
    group: ['vitest', 'vitest/*', '@vitest/*'],
    message: 'Application code never imports vitest: test helpers belong in tests/support.',
  },
  {
    group: ['**/tests/**'],
    message: 'Application code never imports from tests/: test helpers belong in tests/support.',
  },
];

/**
 * The layer's `no-restricted-imports` for all its files, then again with the test-code ban for
 * its non-test files (a later config replaces the rule, so the second repeats the layer's list).
 */
function layerImports(files, paths, patterns) {
  return [
    { files, rules: { 'no-restricted-imports': ['error', { paths, patterns }] } },
    {
      files,
      ignores: testFiles,
      rules: {
        'no-restricted-imports': ['error', { paths, patterns: [...patterns, ...testCodeBan] }],
      },
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-artifacts/**',
      'tests/lint-fixtures/**',
      'resources/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-duplicates': 'error',
      'import-x/first': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // vitest's asymmetric matchers (expect.stringMatching…) are typed `any`.
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...layerImports(
    layers.shared,
    [electronBan, ...nodeBuiltinPaths('shared/ is pure: no Node built-ins.')],
    [
      { group: ['node:*'], message: 'shared/ is pure: no Node built-ins.' },
      {
        group: ['**/electron/**', '**/renderer/**'],
        message: 'shared/ imports nothing from electron/ or renderer/.',
      },
      {
        group: ['react', 'react-dom', '@tiptap/react', 'better-sqlite3', 'sharp'],
        message: 'shared/ holds pure logic only.',
      },
    ],
  ),
  {
    files: layers.shared,
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    files: layers.renderer,
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Loading data from the contract in an effect (setState after an await) is the intended
      // pattern here; this rule cannot tell it from a synchronous setState.
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  ...layerImports(
    layers.renderer,
    [electronBan, ...nodeBuiltinPaths('The renderer has no Node: call the contract instead.')],
    [
      { group: ['node:*'], message: 'The renderer has no Node: call the contract instead.' },
      {
        group: ['**/electron/**', '!**/node_modules/**'],
        message: 'renderer/ never imports electron/: go through the contract in shared/.',
      },
      {
        group: ['better-sqlite3', 'sharp'],
        message: 'The renderer reaches storage and images only through the contract.',
      },
    ],
  ),
  ...layerImports(
    layers.core,
    [electronBan],
    [{ group: ['**/renderer/**'], message: 'The core never imports the renderer.' }],
  ),
  ...layerImports(layers.shell, [], []),
  prettier,
);
