// `npm run db:status` and `npm run db:reset`, run as a developer runs them, on a fresh database.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from './helpers/embedded-db.ts';

const owner = inject('databaseUrls').owner;
let url: string;
let name: string;

function run(script: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    let output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: url, SEED: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  name = `tools_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: owner });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  url = withDatabase(owner, name);
});
afterAll(async () => {
  const admin = new pg.Client({ connectionString: owner });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('db:status and db:reset', { timeout: 90_000 }, () => {
  it('lists every migration as pending on an empty database, and exits 1', async () => {
    const { code, output } = await run('scripts/db-status.ts');
    expect(code).toBe(1);
    for (const service of ['auth', 'users', 'clients']) {
      expect(output).toMatch(
        new RegExp(`^${service}: pending \\(0 applied, [1-9]\\d* pending\\)`, 'm'),
      );
    }
    expect(output).toContain('  pending  ');
  });

  it('resets a development database: drops the schemas and migrates them again', async () => {
    expect((await run('scripts/db-reset.ts')).code).toBe(0);
    await query(
      `INSERT INTO app_auth.auth_users (id, email, name, role, status, updated_at)
       VALUES ($1, 'stale@example.com', 'Stale', 'USER', 'ACTIVE', now())`,
      [randomUUID()],
    );
    const reset = await run('scripts/db-reset.ts');
    expect(reset.code).toBe(0);
    expect(reset.output).toContain('dropped app_auth');
    expect(await query('SELECT id FROM app_auth.auth_users')).toEqual([]);
    const status = await run('scripts/db-status.ts');
    expect(status.code).toBe(0);
    expect(status.output.match(/up to date/g)).toHaveLength(3);
  });

  it('reports drift: an edited, an unknown and a failed migration', async () => {
    const [first] = await query<{ migration_name: string }>(
      `SELECT migration_name FROM app_users."_prisma_migrations" ORDER BY started_at LIMIT 1`,
    );
    await query(
      `UPDATE app_users."_prisma_migrations" SET checksum = 'x' WHERE migration_name = $1`,
      [first!.migration_name],
    );
    await query(
      `INSERT INTO app_clients."_prisma_migrations" (id, checksum, migration_name, finished_at)
       VALUES ($1, 'y', '29990101000000_from_another_branch', now()),
              ($2, 'z', '29990102000000_half_done', NULL)`,
      [randomUUID(), randomUUID()],
    );
    const { code, output } = await run('scripts/db-status.ts');
    expect(code).toBe(1);
    expect(output).toMatch(/^auth: up to date/m);
    expect(output).toMatch(/^users: DRIFT/m);
    expect(output).toContain(`${first!.migration_name} was edited after it was applied`);
    expect(output).toMatch(/^clients: DRIFT/m);
    expect(output).toContain('29990101000000_from_another_branch is applied but not in');
    expect(output).toContain('29990102000000_half_done failed');
  });

  it('refuses to reset in production and touches nothing', async () => {
    const before = await query('SELECT migration_name FROM app_auth."_prisma_migrations"');
    const { code, output } = await run('scripts/db-reset.ts', { NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(output.trim()).toBe('db:reset failed: db:reset is refused in production');
    expect(await query('SELECT migration_name FROM app_auth."_prisma_migrations"')).toEqual(before);
  });
});
