// Lint rules for things reviews keep catching: floating promises, unsafe any, stray console.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { contextBoundaries } from './scripts/boundaries/context-owns-its-tables.js';

export default tseslint.config(
  {
    ignores: [
      '.ci/**',
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      '*.config.js',
      '.dependency-cruiser.cjs',
      '.stryker-tmp/**',
      'reports/**',
      // Planted boundary violations, checked by test/boundaries.spec.ts.
      'test/fixtures/**',
      // Generated from the OpenAPI document (npm run web:client); its spec checks it is current.
      'apps/web/src/api/schema.d.ts',
      'apps/web/vite.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'libs/testing/**', 'test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['apps/ltc/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
  // Lint's own rules are plain JavaScript, outside the TypeScript project.
  { files: ['scripts/**/*.js'], ...tseslint.configs.disableTypeChecked },
  contextBoundaries,
);
