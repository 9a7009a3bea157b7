// ESLint (flat config): typescript-eslint's recommended type-checked rules on the TypeScript sources,
// ESLint's recommended rules on the plain JavaScript files, and eslint-config-prettier last so that
// no rule argues with Prettier about layout (`npm run lint` runs both, `npm run format` fixes layout).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'build/', 'coverage/', '.test-tmp/', 'bench/results*'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // tsconfig.test.json is the one project that covers every TypeScript file (app, tests, sandbox, bench).
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_`-prefixed parameters and variables are deliberately unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // jest's asymmetric matchers (expect.any, expect.objectContaining...) are typed `any`.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  // Declaration files beside the .mjs scripts: outside tsconfig, so the rules that need no type information.
  { files: ['**/*.d.mts'], extends: [tseslint.configs.recommended] },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], languageOptions: { globals: globals.node } },
  prettier,
);
