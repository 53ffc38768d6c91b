// The migration that renamed auth_token_blacklist.token_hash to revoked_session_id keeps every
// revocation (a rename, not a drop and add) and the column's uniqueness: a database migrated
// with revocations in it still refuses those sessions' tokens after the upgrade.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  applyMigrations,
  createScratchDatabase,
  dropScratchDatabase,
} from '../prisma/tools/catalog.ts';
import { listMigrations } from '../prisma/tools/migration-sql.ts';

const RENAME = 'rename_revoked_session_id';

describe('the revoked_session_id migration', () => {
  const serverUrl = inject('databaseUrls').owner;
  let scratchUrl: string;
  let client: pg.Client;

  beforeAll(async () => {
    scratchUrl = await createScratchDatabase(serverUrl, 'revocation_migration');
    client = new pg.Client({ connectionString: scratchUrl });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    if (scratchUrl) await dropScratchDatabase(serverUrl, scratchUrl);
  });

  it('keeps the revocations written before it, and their uniqueness', async () => {
    const migrations = await listMigrations('auth');
    const at = migrations.findIndex((migration) => migration.name.endsWith(`_${RENAME}`));
    expect(at).toBeGreaterThan(0);
    await applyMigrations(client, migrations.slice(0, at), ['app_auth']);
    await client.query(
      `INSERT INTO app_auth.auth_token_blacklist (token_hash, token_type, reason, expires_at)
       VALUES ('session-a', 'SESSION', 'logout', now() + interval '1 hour'),
              ('session-b', 'SESSION', 'logout', now() + interval '1 hour')`,
    );

    await applyMigrations(client, migrations.slice(at), ['app_auth']);

    const { rows } = await client.query<{ revoked_session_id: string; reason: string }>(
      `SELECT revoked_session_id, reason FROM app_auth.auth_token_blacklist
       ORDER BY revoked_session_id`,
    );
    expect(rows).toEqual([
      { revoked_session_id: 'session-a', reason: 'logout' },
      { revoked_session_id: 'session-b', reason: 'logout' },
    ]);
    const columns = await client.query(
      `SELECT 1 FROM information_schema.columns
       WHERE table_schema = 'app_auth' AND table_name = 'auth_token_blacklist'
         AND column_name = 'token_hash'`,
    );
    expect(columns.rowCount).toBe(0);
    await expect(
      client.query(
        `INSERT INTO app_auth.auth_token_blacklist (revoked_session_id, token_type, expires_at)
         VALUES ('session-a', 'SESSION', now() + interval '1 hour')`,
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });
});
