// @ts-check
// Type-aware lint for everything tsconfig.json covers (apps/, libs/, test/, bench/). `npm run lint`.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Build output, dependencies (including the whisper.cpp sources vendored in
    // node_modules/whisper-node), local data and generated benchmark results.
    ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', 'bench/out/'],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
      // Promise-returning contracts (Nest hooks, benchmark `run()`, jest callbacks) are often implemented as
      // `async` without an await so a throw still becomes a rejection; dropping `async` would change that.
      '@typescript-eslint/require-await': 'off',
      // Response DTOs map with `items.map(XResponse.from)`; their static factories never use `this`.
      '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }],
      // A leading underscore marks a value deliberately left unused (e.g. `const { secret: _, ...rest }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts', 'libs/*/test/**/*.ts'],
    rules: {
      // Test code reads untyped data on purpose: supertest `res.body`, socket.io payloads, JSON.parse
      // of tool output, jest's asymmetric matchers (`expect.any`) are all `any`. Asserting on them is the test.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // `expect(fake.method).toHaveBeenCalled()` passes jest mocks unbound; that is how jest works.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Root JS config files get only the untyped core rules above; jest.config.js is CommonJS.
    files: ['jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', __dirname: 'readonly' } },
  },
  {
    // Node scripts run by npm (scripts/build-if-changed.mjs).
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
