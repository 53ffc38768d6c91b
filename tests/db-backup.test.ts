// npm run db:backup and db:restore, run as an operator runs them, round trip against a server
// whose major matches the client programs: Debian ships pg_dump 15 only, so this test (and only
// this one) runs an embedded PostgreSQL 15, migrated by the project's runner and seeded
// through the project's own code.
import { statSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_SERVICES } from '../scripts/lib/config.ts';
import { prepareDatabase, resolveServiceUrls } from '../scripts/lib/database.ts';
import { seedDevelopmentData } from '../scripts/lib/seed.ts';
import { ensureDebianPackage } from './helpers/debian.ts';
import { withDatabase, type TestDatabase } from './helpers/embedded-db.ts';
import { startPostgres15 } from './helpers/postgres15.ts';
import { runScript } from './helpers/script.ts';

const PG15_BIN = '/usr/lib/postgresql/15/bin';
let server: TestDatabase;
let source: string;
let backupDir: string;
let env: Record<string, string>;
/** The full backup of `source`, taken once by beforeAll. */
let fullBackup: string;

async function sql<T extends pg.QueryResultRow>(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** A new, empty database on the PostgreSQL 15 server. */
async function freshDatabase(name: string) {
  await sql(server.url, `CREATE DATABASE ${name}`);
  return withDatabase(server.url, name);
}

/** `schema.table` → row count, for every table of the service schemas. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>(
    url,
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE'
       AND table_schema IN (${DATABASE_SERVICES.map((s) => `'${s.schema}'`).join(', ')})
     ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await sql<{ n: string }>(url, `SELECT count(*) AS n FROM ${name}`);
    counts[name] = Number(row?.n);
  }
  return counts;
}

async function backup(args: string[] = []) {
  const before = new Set(await readdir(backupDir).catch(() => []));
  const result = await runScript('scripts/db-backup.ts', args, env);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const created = (await readdir(backupDir)).filter((f) => !before.has(f));
  expect(created).toHaveLength(1);
  return path.join(backupDir, created[0] ?? '');
}

beforeAll(async () => {
  ensureDebianPackage('postgresql-client-15', path.join(PG15_BIN, 'pg_dump'));
  server = await startPostgres15();
  source = await freshDatabase('grahvani');
  const urls = resolveServiceUrls(source, {}, 'test');
  await prepareDatabase(source, urls);
  await seedDevelopmentData(urls);
  // A few more tables with rows, beyond the demo accounts, profiles and clients.
  await sql(
    source,
    `INSERT INTO app_clients.client_notes (id, tenant_id, client_id, content, updated_at)
       SELECT gen_random_uuid(), tenant_id, id, 'note ' || name, now() FROM app_clients.clients;
     INSERT INTO app_users.user_followers (id, follower_id, following_id)
       SELECT gen_random_uuid(), a.id, b.id FROM app_users.users a, app_users.users b
       WHERE a.id <> b.id`,
  );
  backupDir = path.join(await mkdtemp(path.join(tmpdir(), 'grahvani-backups-')), 'backups');
  env = {
    NODE_ENV: 'production',
    DATABASE_URL: source,
    BACKUP_DIR: backupDir,
    PG_BIN_DIR: PG15_BIN,
  };
  fullBackup = await backup();
}, 600_000);

afterAll(async () => {
  await server?.stop();
  if (backupDir) await rm(path.dirname(backupDir), { recursive: true, force: true });
});

describe('db:backup and db:restore (PostgreSQL 15)', { timeout: 120_000 }, () => {
  it('backs up, restores into a fresh database, and every table has the same rows', async () => {
    const file = fullBackup;
    expect(path.basename(file)).toMatch(/^grahvani-\d{8}T\d{6}Z\.dump$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(backupDir).mode & 0o777).toBe(0o700);

    const target = await freshDatabase('restored');
    const restored = await runScript('scripts/db-restore.ts', [file, '--database', target], env);
    expect(restored.code).toBe(0);
    const expected = await rowCounts(source);
    expect(Object.keys(expected).length).toBeGreaterThan(20);
    expect(Object.values(expected).filter((n) => n > 0).length).toBeGreaterThanOrEqual(5);
    expect(await rowCounts(target)).toEqual(expected);
  });

  it('refuses to restore over a database that holds the schemas, and replaces them with --clean', async () => {
    const file = fullBackup;
    const target = await freshDatabase('clean_target');
    expect((await runScript('scripts/db-restore.ts', [file, '--database', target], env)).code).toBe(
      0,
    );
    await sql(target, 'DELETE FROM app_clients.client_notes');
    const refused = await runScript('scripts/db-restore.ts', [file, '--database', target], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect((await rowCounts(target))['app_clients.client_notes']).toBe(0);

    const clean = await runScript(
      'scripts/db-restore.ts',
      [file, '--database', target, '--clean'],
      env,
    );
    expect(clean.code).toBe(0);
    expect(await rowCounts(target)).toEqual(await rowCounts(source));
  });

  it('never restores part of a backup: a failing --clean leaves the database as it was', async () => {
    const file = fullBackup;
    const target = await freshDatabase('atomic_target');
    expect((await runScript('scripts/db-restore.ts', [file, '--database', target], env)).code).toBe(
      0,
    );
    await sql(target, 'DELETE FROM app_auth.auth_users WHERE role = $$USER$$');
    // An object the backup does not know: dropping app_clients fails late in the restore.
    await sql(target, 'CREATE TABLE app_clients.added_later (id int)');
    const before = await rowCounts(target);
    const failed = await runScript(
      'scripts/db-restore.ts',
      [file, '--database', target, '--clean'],
      env,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    expect(await rowCounts(target)).toEqual(before);
  });

  it('backs up one schema, which restores on its own into an empty database', async () => {
    const file = await backup(['--schema', 'app_clients']);
    expect(path.basename(file)).toMatch(/^grahvani\.app_clients-\d{8}T\d{6}Z\.dump$/);
    const target = await freshDatabase('one_schema');
    const restored = await runScript('scripts/db-restore.ts', [file, '--database', target], env);
    expect(restored.code).toBe(0);
    const schemas = await sql<{ nspname: string }>(
      target,
      `SELECT nspname FROM pg_namespace WHERE nspname LIKE 'app\\_%'`,
    );
    expect(schemas.map((s) => s.nspname)).toEqual(['app_clients']);
    const clients = Object.entries(await rowCounts(source)).filter(([t]) =>
      t.startsWith('app_clients.'),
    );
    expect(await rowCounts(target)).toEqual(Object.fromEntries(clients));
  });

  it('refuses a role that row-level security hides rows from, and backs up with BYPASSRLS', async () => {
    await sql(
      source,
      `CREATE ROLE backup_reader LOGIN PASSWORD 'reader-pw';
       GRANT USAGE ON SCHEMA app_clients TO backup_reader;
       GRANT SELECT ON ALL TABLES IN SCHEMA app_clients TO backup_reader;
       GRANT SELECT ON ALL SEQUENCES IN SCHEMA app_clients TO backup_reader`,
    );
    const reader = new URL(source);
    reader.username = 'backup_reader';
    reader.password = 'reader-pw';
    const asReader = { ...env, DATABASE_URL: reader.toString() };
    const args = ['--schema', 'app_clients'];
    const refused = await runScript('scripts/db-backup.ts', args, asReader);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('BYPASSRLS');

    await sql(source, 'ALTER ROLE backup_reader BYPASSRLS');
    const allowed = await runScript('scripts/db-backup.ts', args, asReader);
    expect(allowed.code).toBe(0);
    const file = allowed.stdout.match(/^backup: (\S+)/)?.[1] ?? '';
    const target = await freshDatabase('as_reader');
    expect((await runScript('scripts/db-restore.ts', [file, '--database', target], env)).code).toBe(
      0,
    );
    const clients = Object.entries(await rowCounts(source)).filter(([t]) =>
      t.startsWith('app_clients.'),
    );
    expect(await rowCounts(target)).toEqual(Object.fromEntries(clients));
  });

  it('refuses a schema the database does not have, and a file that is not a backup', async () => {
    const noSchema = await runScript('scripts/db-backup.ts', ['--schema', 'app_nothing'], env);
    expect(noSchema.code).toBe(1);
    expect(noSchema.stderr.trim().split('\n')).toHaveLength(1);
    const target = await freshDatabase('not_a_backup');
    const bad = await runScript(
      'scripts/db-restore.ts',
      ['package.json', '--database', target],
      env,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(await rowCounts(target)).toEqual({});
  });
});
