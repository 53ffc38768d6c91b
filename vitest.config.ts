import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/**/*.test.ts',
      'tests/**/*.e2e.ts',
      'subgraphs/*/tests/**/*.test.ts',
      'gateway/tests/**/*.test.ts',
      'packages/*/tests/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    // One embedded PostgreSQL for the whole run, migrated once (tests/global-setup.ts).
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test', APOLLO_TELEMETRY_DISABLED: '1' },
  },
});
