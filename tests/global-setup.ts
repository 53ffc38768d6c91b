// Starts one throwaway PostgreSQL for the test run (temporary directory, free port, never the
// development database), applies the migrations and creates the service roles, then hands
// the URLs to the tests through vitest's provide/inject. Also makes the run's mail directory:
// every message a test stack writes lands under it, and it is removed when the run ends.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { prepareDatabase, resolveServiceUrls } from '../scripts/lib/database.ts';
import { startTestDatabase, withDatabase } from './helpers/embedded-db.ts';

export interface DatabaseUrls {
  /** Superuser URL of the migrated `grahvani` database. */
  owner: string;
  auth: string;
  users: string;
  clients: string;
}

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
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE grahvani');
    await admin.end();
    const owner = withDatabase(server.url, 'grahvani');
    const services = resolveServiceUrls(owner, {}, 'test');
    await prepareDatabase(owner, services);
    project.provide('databaseUrls', { owner, ...services });
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
