import { defineConfig } from 'vitest/config';

// Three projects: `unit` holds the pure modules' tests beside each package (no database, no
// servers: they run in milliseconds, so a failure shows next to its cause); `integration`
// holds the tests that run the graph on real PostgreSQL and real HTTP servers; `testkit`
// tests the integration-test kit, whose graphs bring their own PostgreSQL.
// `npx vitest run --project unit` runs the fast ones alone.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test', APOLLO_TELEMETRY_DISABLED: '1' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/*/tests/**/*.test.ts',
            'subgraphs/*/tests/**/*.test.ts',
            'gateway/tests/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude: ['packages/testkit/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'testkit',
          // Not tests/consumer/: those run in the project the pack test creates.
          include: ['packages/testkit/tests/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts', 'tests/**/*.e2e.ts'],
          // One embedded PostgreSQL for the whole run, migrated once (tests/global-setup.ts).
          globalSetup: ['tests/global-setup.ts'],
        },
      },
    ],
  },
});
