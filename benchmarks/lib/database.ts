// The benchmarks' database: an embedded PostgreSQL of their own with the graph's database
// created, migrated and its service roles set up, as `npm start` prepares it.
import pg from 'pg';
import { prepareDatabase, resolveServiceUrls } from '../../scripts/lib/database.ts';
import { startTestDatabase, withDatabase } from '../../tests/helpers/embedded-db.ts';

export async function startBenchDatabase() {
  const server = await startTestDatabase();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE grahvani');
  await admin.end();
  const owner = withDatabase(server.url, 'grahvani');
  const databaseUrls = resolveServiceUrls(owner, {}, 'test');
  await prepareDatabase(owner, databaseUrls);
  return { server, owner, databaseUrls };
}
