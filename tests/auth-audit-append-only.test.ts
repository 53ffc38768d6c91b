// The audit log is append-only for real: the auth service's role can INSERT and SELECT it but
// not UPDATE, DELETE or TRUNCATE it (no grant, and a trigger refusing them even where a grant
// exists); re-running the role setup keeps it so; retention deletes only through the owner's
// SECURITY DEFINER function, which auth housekeeping calls.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { prepareDatabase } from '../scripts/lib/database.ts';
import { createDb } from '../subgraphs/auth/src/db.ts';
import { pruneAuthRecords } from '../subgraphs/auth/src/housekeeping.ts';

const urls = inject('databaseUrls');
let auth: pg.Client;
let owner: pg.Client;

async function connect(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

beforeAll(async () => {
  auth = await connect(urls.auth);
  owner = await connect(urls.owner);
});
afterAll(async () => {
  await auth?.end();
  await owner?.end();
});

/** Inserts an event as `client` and returns its id. */
async function insertEvent(client: pg.Client, createdAt = 'now()') {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO app_auth.auth_audit_log (action, actor_label, target_id, after, created_at)
     VALUES ('ROLE_CHANGED', 'system:test', $1, '{"role":"ADMIN"}', ${createdAt}) RETURNING id::text`,
    [randomUUID()],
  );
  return rows[0]!.id;
}

const INSUFFICIENT_PRIVILEGE = { code: '42501' };

describe('the auth role on app_auth.auth_audit_log', () => {
  it('may insert and read events', async () => {
    const id = await insertEvent(auth);
    const { rows } = await auth.query(`SELECT after FROM app_auth.auth_audit_log WHERE id = $1`, [
      id,
    ]);
    expect(rows).toEqual([{ after: { role: 'ADMIN' } }]);
  });

  it('may neither update, delete nor truncate them', async () => {
    const id = await insertEvent(auth);
    await expect(
      auth.query(`UPDATE app_auth.auth_audit_log SET after = '{}' WHERE id = $1`, [id]),
    ).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    await expect(
      auth.query(`DELETE FROM app_auth.auth_audit_log WHERE id = $1`, [id]),
    ).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    await expect(auth.query(`TRUNCATE app_auth.auth_audit_log`)).rejects.toMatchObject(
      INSUFFICIENT_PRIVILEGE,
    );
    // Raising the retention function's flag does not help a role that is not the owner.
    await auth.query('BEGIN');
    try {
      await auth.query(`SELECT set_config('grahvani.audit_retention', 'on', true)`);
      await expect(
        auth.query(`DELETE FROM app_auth.auth_audit_log WHERE id = $1`, [id]),
      ).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    } finally {
      await auth.query('ROLLBACK');
    }
    const { rowCount } = await owner.query(
      `SELECT 1 FROM app_auth.auth_audit_log WHERE id = $1 AND after = '{"role":"ADMIN"}'`,
      [id],
    );
    expect(rowCount).toBe(1);
  });

  it('is refused by the trigger even with a grant, and so is the owner outside retention', async () => {
    const id = await insertEvent(owner);
    await expect(
      owner.query(`UPDATE app_auth.auth_audit_log SET after = '{}' WHERE id = $1`, [id]),
    ).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    await expect(
      owner.query(`DELETE FROM app_auth.auth_audit_log WHERE id = $1`, [id]),
    ).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    await expect(owner.query(`TRUNCATE app_auth.auth_audit_log`)).rejects.toMatchObject(
      INSUFFICIENT_PRIVILEGE,
    );
    // A grant given by mistake: the trigger still refuses the auth role.
    await owner.query('BEGIN');
    try {
      await owner.query(`GRANT UPDATE, DELETE ON app_auth.auth_audit_log TO auth_svc`);
      await owner.query(`SET LOCAL ROLE auth_svc`);
      await expect(
        owner.query(`DELETE FROM app_auth.auth_audit_log WHERE id = $1`, [id]),
      ).rejects.toMatchObject(INSUFFICIENT_PRIVILEGE);
    } finally {
      await owner.query('ROLLBACK');
    }
  });

  it('keeps only INSERT and SELECT when the service roles are set up again', async () => {
    await prepareDatabase(urls.owner, {
      auth: urls.auth,
      users: urls.users,
      clients: urls.clients,
    });
    const { rows } = await owner.query<Record<string, boolean>>(
      `SELECT ${['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']
        .map((p) => `has_table_privilege('auth_svc', 'app_auth.auth_audit_log', '${p}') AS "${p}"`)
        .join(', ')}`,
    );
    expect(rows[0]).toEqual({
      SELECT: true,
      INSERT: true,
      UPDATE: false,
      DELETE: false,
      TRUNCATE: false,
    });
    // Other tables keep their full DML.
    const other = await owner.query<{ ok: boolean }>(
      `SELECT has_table_privilege('auth_svc', 'app_auth.auth_users', 'DELETE') AS ok`,
    );
    expect(other.rows[0]?.ok).toBe(true);
  });
});

describe('retention', () => {
  it('is a SECURITY DEFINER function with a pinned search_path, callable by the auth role only', async () => {
    const { rows } = await owner.query<{ secdef: boolean; config: string[] | null }>(
      `SELECT prosecdef AS secdef, proconfig AS config FROM pg_proc
        WHERE oid = 'app_auth.prune_audit_log(integer)'::regprocedure`,
    );
    expect(rows[0]?.secdef).toBe(true);
    expect(rows[0]?.config).toEqual(['search_path=pg_catalog, pg_temp']);
    const exec = await owner.query<{ auth: boolean; users: boolean }>(
      `SELECT has_function_privilege('auth_svc', 'app_auth.prune_audit_log(integer)', 'EXECUTE') AS auth,
              has_function_privilege('users_svc', 'app_auth.prune_audit_log(integer)', 'EXECUTE') AS users`,
    );
    expect(exec.rows[0]).toEqual({ auth: true, users: false });
  });

  it('refuses to keep less than 30 days, so the role cannot empty the recent trail', async () => {
    await expect(auth.query(`SELECT app_auth.prune_audit_log(1)`)).rejects.toMatchObject({
      code: '22023',
    });
  });

  it('housekeeping deletes events older than AUDIT_RETENTION_DAYS and keeps the rest', async () => {
    const old = await insertEvent(owner, `now() - interval '401 days'`);
    const recent = await insertEvent(owner, `now() - interval '399 days'`);
    const db = createDb(urls.auth, { max: 1 });
    try {
      const deleted = await pruneAuthRecords(db, {
        attemptRetentionDays: 90,
        auditRetentionDays: 400,
      });
      expect(deleted.auditEvents).toBeGreaterThanOrEqual(1);
    } finally {
      await db.$disconnect();
    }
    const { rows } = await owner.query<{ id: string }>(
      `SELECT id::text FROM app_auth.auth_audit_log WHERE id = ANY($1::uuid[])`,
      [[old, recent]],
    );
    expect(rows.map((r) => r.id)).toEqual([recent]);
  });
});
