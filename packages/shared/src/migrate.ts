import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

/** One service's migrations: Prisma Migrate's folder layout and the schema they live in. */
export interface MigrationSet {
  service: string;
  schema: string;
  /** `prisma/<service>/migrations` */
  dir: string;
}

export interface MigrateResult {
  service: string;
  applied: string[];
  alreadyApplied: number;
}

/** Advisory lock key that serialises concurrent migration runs (any replica, any service). */
const MIGRATION_LOCK_KEY = 72_707_369;

export class MigrationError extends Error {}

interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

/** Reads `<dir>/<timestamp>_<name>/migration.sql` in name order, with Prisma's checksum. */
export async function readMigrations(dir: string): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

// Prisma Migrate's own bookkeeping table, column for column, so `prisma migrate deploy`
// and `prisma migrate status` agree with what this runner recorded.
const bookkeepingTable = (schema: string) => `
CREATE TABLE IF NOT EXISTS ${pg.escapeIdentifier(schema)}."_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies pending migrations of each set in order, as the database owner. Written by hand
 * because Prisma's schema engine (which `prisma migrate deploy` needs) is a native binary that
 * cannot always be downloaded; this runner records exactly what Prisma records. Each migration
 * runs in its own transaction; an advisory lock makes concurrent runs safe; an applied
 * migration whose file changed, or a failed one, stops the run before anything is applied.
 */
export async function migrate(
  ownerUrl: string,
  sets: MigrationSet[],
  log: (message: string) => void = () => {},
): Promise<MigrateResult[]> {
  const client = new pg.Client({
    connectionString: ownerUrl,
    application_name: 'grahvani-migrate',
  });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const results: MigrateResult[] = [];
    for (const set of sets) results.push(await migrateSet(client, set, log));
    return results;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

async function migrateSet(
  client: pg.Client,
  set: MigrationSet,
  log: (message: string) => void,
): Promise<MigrateResult> {
  const schema = pg.escapeIdentifier(set.schema);
  const local = await readMigrations(set.dir);
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await client.query(bookkeepingTable(set.schema));
  const { rows } = await client.query<{
    migration_name: string;
    checksum: string;
    finished_at: Date | null;
    rolled_back_at: Date | null;
  }>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at
       FROM ${schema}."_prisma_migrations" ORDER BY started_at`,
  );
  const applied = new Map<string, string>();
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new MigrationError(
        `${set.service}: migration ${row.migration_name} failed earlier and must be resolved by hand`,
      );
    }
    applied.set(row.migration_name, row.checksum);
  }
  for (const migration of local) {
    const checksum = applied.get(migration.name);
    if (checksum !== undefined && checksum !== migration.checksum) {
      throw new MigrationError(
        `${set.service}: migration ${migration.name} was modified after it was applied; ` +
          'add a new migration instead of editing an applied one',
      );
    }
  }
  const pending = local.filter((m) => !applied.has(m.name));
  for (const migration of pending) {
    const id = randomUUID();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO ${schema}."_prisma_migrations" (id, checksum, migration_name, started_at)
         VALUES ($1, $2, $3, now())`,
        [id, migration.checksum, migration.name],
      );
      await client.query(migration.sql);
      await client.query(
        `UPDATE ${schema}."_prisma_migrations"
            SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
      await client.query('COMMIT');
      log(`${set.service}: applied ${migration.name}`);
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      const reason = err instanceof Error ? err.message : String(err);
      throw new MigrationError(`${set.service}: migration ${migration.name} failed: ${reason}`);
    }
  }
  return {
    service: set.service,
    applied: pending.map((m) => m.name),
    alreadyApplied: local.length - pending.length,
  };
}

/** A service's login role: it may use only its own schema. */
export interface ServiceRole {
  role: string;
  password: string;
  schema: string;
}

/**
 * Creates missing service roles (LOGIN, no superuser, no BYPASSRLS, no CREATE) and grants each
 * USAGE and DML on its own schema only, including tables that later migrations create. Each
 * role's default statement_timeout is `statementTimeoutMs` (0: none): the timeout that holds
 * when a service connects through PgBouncer, which refuses it as a startup parameter.
 */
export async function ensureServiceRoles(
  ownerUrl: string,
  database: string,
  roles: ServiceRole[],
  { statementTimeoutMs = 30_000 }: { statementTimeoutMs?: number } = {},
): Promise<void> {
  const client = new pg.Client({
    connectionString: ownerUrl,
    application_name: 'grahvani-migrate',
  });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    for (const { role, password, schema } of roles) {
      // One transaction per role: no moment in which an append-only table is writable.
      await client.query('BEGIN');
      const r = pg.escapeIdentifier(role);
      const s = pg.escapeIdentifier(schema);
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (exists.rowCount === 0) {
        await client.query(
          `CREATE ROLE ${r} LOGIN PASSWORD ${pg.escapeLiteral(password)}
             NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION`,
        );
      }
      await client.query(`GRANT CONNECT ON DATABASE ${pg.escapeIdentifier(database)} TO ${r}`);
      // An integer of milliseconds (from the configuration's int()), so no quoting is needed.
      await client.query(
        `ALTER ROLE ${r} SET statement_timeout = ${Math.trunc(statementTimeoutMs)}`,
      );
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
      await client.query(`REVOKE CREATE ON SCHEMA ${s} FROM ${r}`);
      await client.query(`GRANT USAGE ON SCHEMA ${s} TO ${r}`);
      await client.query(
        `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`,
      );
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`);
      await client.query(
        `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
      );
      await client.query(
        `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
      );
      // Append-only tables (those carrying a trigger named "append_only", e.g. the audit log)
      // keep INSERT and SELECT only: the blanket grant above must not hand back UPDATE/DELETE.
      const appendOnly = await client.query<{ name: string }>(
        `SELECT DISTINCT c.relname::text AS name FROM pg_trigger t
           JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND t.tgname = 'append_only'`,
        [schema],
      );
      for (const { name } of appendOnly.rows) {
        await client.query(
          `REVOKE UPDATE, DELETE, TRUNCATE ON ${s}.${pg.escapeIdentifier(name)} FROM ${r}`,
        );
      }
      // Functions of the schema (e.g. the audit log's retention) are the service's to call.
      await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} TO ${r}`);
      // The bookkeeping table belongs to the owner alone.
      const bookkeeping = await client.query(
        `SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = '_prisma_migrations'`,
        [schema],
      );
      if (bookkeeping.rowCount) {
        await client.query(`REVOKE ALL ON ${s}."_prisma_migrations" FROM ${r}`);
      }
      await client.query('COMMIT');
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
