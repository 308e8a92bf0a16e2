// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules, type-aware (each file is checked with
// the types of the tsconfig that holds it, the Apps Script project's included). Layout is Prettier's: `npm run lint`
// runs `prettier --check .` first, and the only layout rule here is the line length Prettier cannot reach (comments).
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: ['node_modules/', 'dist/', '.data/', 'test-results/', 'bench-results/', 'test/data/', 'templates/'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@stylistic': stylistic },
    rules: {
      // Prettier wraps code at 120 columns but never breaks a string, and never rewraps a comment. Strings, template
      // literals and regular expressions may run past 120 (a Vietnamese message stays whole, so it can be searched
      // for); comments and code may not.
      '@stylistic/max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
      // As tsc's noUnusedParameters: a leading underscore marks what a signature requires but the body ignores.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `async` is how our fakes and interface implementations return a promise without awaiting anything; the bug
      // this rule hunts (a forgotten await) is what no-floating-promises and no-misused-promises, kept on, catch.
      '@typescript-eslint/require-await': 'off',
      // Passing on a caught error as it came is right; rejecting with a string or a plain object is still an error.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // functions/calendar/days.ts says why: the index alone cost every cold start on Node 22 1.7 s.
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'date-fns', message: "Import each function from its module ('date-fns/format')." }] },
      ],
    },
  },
  {
    // Tests read JSON bodies and the clients' untyped answers (`[response, body: any]`) to assert on them: there a
    // wrong shape fails the assertion that follows, so typing each body first would add casts, not safety.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The Apps Script project: plain scripts sharing one global scope, typed by project/tsconfig.json.
    files: ['scripts/apps-script/project/*.js'],
    languageOptions: { sourceType: 'script' },
    rules: {
      // tsc already checks every name against the Apps Script types and the generated Schema.gs.
      'no-undef': 'off',
      // Top-level functions are called by Apps Script by name (menu, trigger) or from another file of the project.
      '@typescript-eslint/no-unused-vars': ['error', { vars: 'local' }],
    },
  },
  {
    // Run by Node but in no tsconfig: no type information.
    files: ['**/*.mjs', 'eslint.config.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
