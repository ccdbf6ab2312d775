// @ts-check
// Type-aware lint for everything tsconfig.json covers (apps/, libs/, test/, bench/). `npm run lint`.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import tseslint from 'typescript-eslint';

// Boundaries between libs. Plain TypeScript libs (domain rules a whiteboard could explain) stay free of
// Nest and TypeORM, and import only other plain libs; a lib is used only through its root
// (`@callgrade/<lib>`), never a file inside it. A new plain lib goes in this list.
const PURE_LIBS = [
  'audio',
  'charts',
  'complaint-rules',
  'contracts',
  'errors',
  'retention',
  'review-rules',
  'sampling',
  'scoring',
  'statistics',
  'transcript-model',
  'transcription',
];
const LIBS_DIR = join(import.meta.dirname, 'libs');
const LIBS = readdirSync(LIBS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const FRAMEWORK_LIBS = LIBS.filter((lib) => !PURE_LIBS.includes(lib));
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const DEEP_IMPORT = {
  regex: '^@callgrade/[^/]+/.',
  message: 'Import a lib through its root (@callgrade/<lib>); export what you need from its index.ts.',
};
/** The lib a file lies in (`libs/<lib>/...`), or null outside libs/. */
const libOf = (file) => {
  const path = relative(LIBS_DIR, file);
  return path.startsWith('..') ? null : path.split(sep)[0];
};
/** A relative import that leaves its lib for another lib's files (`../../other/src/x`), or goes from an app into libs/. */
const noRelativeImportIntoLibs = {
  meta: { type: 'problem', schema: [], messages: { crossing: 'Import {{target}} through its root (@callgrade/{{target}}), not by a relative path into its files.' } },
  create(context) {
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = libOf(resolve(dirname(context.filename), source));
      if (target !== null && target !== libOf(context.filename)) context.report({ node: node.source, messageId: 'crossing', data: { target } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
const PURE_LIB_PATTERNS = [
  { regex: '^@nestjs/', message: 'This lib is plain TypeScript (PURE_LIBS in eslint.config.mjs): keep Nest in the libs that wire it.' },
  { regex: '^typeorm(/|$)', message: 'This lib is plain TypeScript (PURE_LIBS in eslint.config.mjs): persistence belongs in a Nest lib.' },
  {
    regex: `^@callgrade/(${FRAMEWORK_LIBS.map(escape).join('|')})$`,
    message: 'A plain lib imports only other plain libs (PURE_LIBS in eslint.config.mjs).',
  },
];

const boundaries = [
  ...LIBS.map((lib) => ({
    files: [`libs/${lib}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [DEEP_IMPORT, ...(PURE_LIBS.includes(lib) ? PURE_LIB_PATTERNS : [])] }],
    },
  })),
  {
    files: ['apps/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [DEEP_IMPORT] }] },
  },
  {
    // Not test/: its global set-up runs outside Jest's module mapping and imports lib files by path on purpose.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    plugins: { callgrade: { rules: { 'no-relative-import-into-libs': noRelativeImportIntoLibs } } },
    rules: { 'callgrade/no-relative-import-into-libs': 'error' },
  },
];

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
  ...boundaries,
);
