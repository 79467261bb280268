// Lint rules, including the import boundary of ../shared/STYLE.md:
// core/ is pure domain and pipeline code and may not reach adapters, storage, bot or any SDK.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const sdkPackages = [
  'mongodb', 'bson', 'mingo', 'agenda', '@agendajs/*', 'express', 'pino', 'commander',
  'botbuilder*', '@microsoft/*', '@slack/*', 'openai', 'nodemailer', 'imapflow',
  'googleapis', '@googleapis/*', 'adaptivecards', 'handlebars', 'node:net', 'node:fs', 'node:fs/promises', 'node:http',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'coverage/**', 'outbox/**', 'tab/dist/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': true, 'ts-ignore': true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/adapters/**', '**/storage/**', '**/bot/**', '**/jobs/**', '**/app/**', '**/cards/**'], message: 'core/ is pure: depend on a port in core/, not on an outer layer.' },
          { group: sdkPackages, message: 'core/ may not import an SDK or I/O module; inject it through a port.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'core/ gets configuration and time injected.' }],
    },
  },
);
