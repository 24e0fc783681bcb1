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
};

const electronBan = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import Electron.',
};

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
  {
    files: layers.shared,
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan, ...nodeBuiltinPaths('shared/ is pure: no Node built-ins.')],
          patterns: [
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
        },
      ],
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
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronBan,
            ...nodeBuiltinPaths('The renderer has no Node: call the contract instead.'),
          ],
          patterns: [
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
        },
      ],
    },
  },
  {
    files: layers.core,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            { group: ['**/renderer/**'], message: 'The core never imports the renderer.' },
          ],
        },
      ],
    },
  },
  prettier,
);
