// A throwaway PostgreSQL for tests and offline tooling: the integration-test kit's
// (packages/testkit/src/database.ts).
export {
  findFreePort,
  startTestDatabase,
  withDatabase,
  type TestDatabase,
} from '@grahvani/testkit/database';
