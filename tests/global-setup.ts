// Starts one throwaway PostgreSQL for the test run through the integration-test kit (temporary
// directory, free port, never the development database), applies the migrations and creates the service roles, then hands
// the URLs to the tests through vitest's provide/inject. Also makes the run's mail directory:
// every message a test stack writes lands under it, and it is removed when the run ends.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  migrateTestDatabase,
  startTestDatabase,
  type DatabaseUrls,
} from '@grahvani/testkit/database';

export type { DatabaseUrls };

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrls: DatabaseUrls;
    /** The run's mail directory (MAIL_DIR of every test stack is inside it). */
    mailRoot: string;
  }
}

export default async function setup(project: TestProject) {
  const mailRoot = await mkdtemp(join(tmpdir(), 'grahvani-test-run-mail-'));
  const removeMail = () => rm(mailRoot, { recursive: true, force: true });
  project.provide('mailRoot', mailRoot);
  const server = await startTestDatabase().catch(async (err: unknown) => {
    await removeMail();
    throw err;
  });
  try {
    project.provide('databaseUrls', await migrateTestDatabase(server.url));
  } catch (err) {
    await server.stop();
    await removeMail();
    throw err;
  }
  return async () => {
    await server.stop();
    await removeMail();
  };
}
