import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import tseslint from 'typescript-eslint';

// Feature boundaries: shared code (lib, api, components) never imports a feature or the app; a feature imports
// shared code and its own files, and another feature only through that feature's index.ts (its public surface).
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const boundaryZones = [
  {
    target: ['./src/lib', './src/api', './src/components'],
    from: ['./src/features', './src/app'],
    message: 'Shared code must not depend on a feature or on the app.',
  },
  { target: './src/features', from: './src/app', message: 'A feature must not depend on the app.' },
  ...features.flatMap((feature) =>
    features
      .filter((other) => other !== feature)
      .map((other) => ({
        target: `./src/features/${feature}`,
        from: `./src/features/${other}`,
        except: ['./index.ts'],
        message: `Import the ${other} feature only through its index.ts.`,
      })),
  ),
];

// One zod flavour and one dayjs setup in the browser code.
const zodPattern = { regex: '^zod(?!/mini$)(/.*)?$', message: 'The browser code uses one zod flavour: zod/mini.' };
const dayjsPattern = { regex: '^dayjs(/.*)?$', message: 'Import dayjs from src/lib/datetime, where its plugins are extended once.' };

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.data', 'test-results', 'playwright-report', '.reports', 'bench-results', 'coverage'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023 },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended, ...pluginQuery.configs['flat/recommended']],
    languageOptions: { globals: globals.browser },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })] },
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Only src/api/http.ts calls fetch.' }],
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
      'no-restricted-imports': ['error', { patterns: [zodPattern, dayjsPattern] }],
    },
  },
  {
    files: ['src/lib/datetime.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [zodPattern] }] },
  },
  {
    files: ['src/api/http.ts', 'src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['server/**/*.ts', 'scripts/**/*.{ts,mjs,js}', 'e2e/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
);
