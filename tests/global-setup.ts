// Starts one throwaway PostgreSQL for the test run (temporary directory, free port, never the
// development database), applies the migrations and creates the service roles, then hands
// the URLs to the tests through vitest's provide/inject.
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
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestDatabase();
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
    throw err;
  }
  return () => server.stop();
}
