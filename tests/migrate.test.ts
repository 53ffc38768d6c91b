// The migration runner behind `npm run db:migrate`: Prisma's bookkeeping, order, locking,
// transactions and refusal to continue over an edited migration.
import { createHash, randomUUID } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { migrate, MigrationError, readMigrations } from '@grahvani/shared/migrate';
import { withDatabase } from './helpers/embedded-db.ts';

const owner = inject('databaseUrls').owner;
const created: string[] = [];

/** A fresh empty database on the test server. */
async function freshDatabase(): Promise<string> {
  const name = `migrate_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: owner });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push(name);
  return withDatabase(owner, name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const authSet = {
  service: 'auth',
  schema: 'app_auth',
  dir: path.resolve('prisma/auth/migrations'),
};

afterAll(async () => {
  const admin = new pg.Client({ connectionString: owner });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('migrate', () => {
  it("records each migration as Prisma Migrate does, with the file's SHA-256", async () => {
    const url = await freshDatabase();
    const [result] = await migrate(url, [authSet]);
    const local = await readMigrations(authSet.dir);
    expect(result?.applied).toEqual(local.map((m) => m.name));
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
      rolled_back_at: Date | null;
    }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at
         FROM app_auth._prisma_migrations ORDER BY migration_name`,
    );
    expect(rows).toHaveLength(local.length);
    for (const [i, row] of rows.entries()) {
      const file = await readFile(path.join(authSet.dir, row.migration_name, 'migration.sql'));
      expect(row.migration_name).toBe(local[i]?.name);
      expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it('applies nothing the second time', async () => {
    const url = await freshDatabase();
    await migrate(url, [authSet]);
    const [again] = await migrate(url, [authSet]);
    expect(again?.applied).toEqual([]);
    expect(again?.alreadyApplied).toBeGreaterThan(0);
  });

  it('is safe when several runs start at once (advisory lock)', async () => {
    const url = await freshDatabase();
    const results = await Promise.all([1, 2, 3].map(() => migrate(url, [authSet])));
    const appliedCounts = results.map(([r]) => r?.applied.length ?? 0);
    const total = (await readMigrations(authSet.dir)).length;
    expect(appliedCounts.sort()).toEqual([0, 0, total]);
    const [{ count }] = (await query<{ count: string }>(
      url,
      'SELECT count(*) FROM app_auth._prisma_migrations',
    )) as [{ count: string }];
    expect(Number(count)).toBe(total);
  });

  it('refuses to go on when an applied migration was edited, and applies nothing new', async () => {
    const url = await freshDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), 'migrations-'));
    await cp(authSet.dir, dir, { recursive: true });
    const set = { ...authSet, dir };
    await migrate(url, [set]);
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first!.name, 'migration.sql'), `${first!.sql}\n-- edited\n`);
    await mkdir(path.join(dir, '29990101000000_later'));
    await writeFile(
      path.join(dir, '29990101000000_later', 'migration.sql'),
      'CREATE TABLE app_auth.later (id int);',
    );
    await expect(migrate(url, [set])).rejects.toThrow(MigrationError);
    await expect(migrate(url, [set])).rejects.toThrow(/modified after it was applied/);
    const later = await query(url, `SELECT to_regclass('app_auth.later')::text AS t`);
    expect(later).toEqual([{ t: null }]);
  });

  it('rolls a failing migration back whole and records nothing for it', async () => {
    const url = await freshDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), 'migrations-'));
    await mkdir(path.join(dir, '20200101000000_broken'));
    await writeFile(
      path.join(dir, '20200101000000_broken', 'migration.sql'),
      'CREATE TABLE app_auth.half (id int);\nSELECT * FROM no_such_table;',
    );
    await expect(migrate(url, [{ ...authSet, dir }])).rejects.toThrow(
      /20200101000000_broken failed/,
    );
    const rows = await query(
      url,
      `SELECT to_regclass('app_auth.half')::text AS t,
              (SELECT count(*)::int FROM app_auth._prisma_migrations) AS n`,
    );
    expect(rows).toEqual([{ t: null, n: 0 }]);
  });
});
