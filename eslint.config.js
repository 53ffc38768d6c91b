// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.data/',
      '**/generated/**',
      '**/*.generated.ts',
      'coverage/',
      '**/dist/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Configuration is read once, in each package's config module (config.ts, helpers in
    // packages/shared/src/config.ts): everything else gets its settings passed in. A file that
    // must touch the environment otherwise says why on the line (eslint-disable-next-line ... --).
    // Tests build their services' environments themselves (tests/helpers) and are left out.
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    ignores: [
      '**/config.ts',
      // Tools' own config modules (the Prisma CLI's prisma.config.ts).
      '**/*.config.ts',
      // The backup scripts' config module (npm run db:backup / db:restore / db:retention).
      'scripts/lib/backupConfig.ts',
      'tests/**',
      '**/tests/**',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read the environment in a config module (config.ts) and pass the value in.',
        },
      ],
    },
  },
  {
    // The clients import worker runs outside any request: it uses domain functions (validation,
    // CSV reading, db, activity log), never the request context or GraphQL errors.
    files: [
      'subgraphs/clients/src/imports/**/*.ts',
      'subgraphs/clients/src/validation.ts',
      'subgraphs/clients/src/validationError.ts',
      'subgraphs/clients/src/activityLog.ts',
      'subgraphs/clients/src/db.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['graphql', '**/context.ts', '**/tenant.ts', '**/validated.ts'],
              message:
                'Domain code knows no request: throw ValidationError; resolvers map it (validated.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Browser script of the gateway's GraphiQL page (React, ReactDOM and GraphiQL are UMD globals).
    files: ['gateway/public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        document: 'readonly',
        React: 'readonly',
        ReactDOM: 'readonly',
        GraphiQL: 'readonly',
      },
    },
  },
);
