// Compares what the migrations build with what the schema.prisma files describe, on a real
// PostgreSQL server: the migrations are applied to one scratch database, the SQL that
// prisma 6 generates from each schema.prisma (from empty) to another, and their catalogs
// (tables, columns, enums, indexes, constraints, policies, triggers, functions) are compared.
//
// Hand-written migrations (first line `-- hand-written`) add what Prisma cannot express:
// CHECK constraints, trigram and partial indexes, row-level security. Whatever such a
// migration changes in the catalog is recorded and overlaid on the schema side, so it is
// expected rather than reported, while every other difference is.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import {
  databaseSchemaOf,
  listMigrations,
  migrateDiff,
  schemaPathOf,
  type Migration,
  type Service,
} from './migration-sql.ts';

/** Catalog objects by key (`column app_auth.auth_users.email`) with their definition. */
export type Catalog = Map<string, string>;

/** Changes hand-written migrations made: key -> new definition, or null when removed. */
export type CatalogDelta = Map<string, string | null>;

const handWrittenMarker = /^\s*--\s*hand-written\b/i;

/** Whether a migration was written by hand (its SQL starts with `-- hand-written`). */
export function isHandWritten(sql: string): boolean {
  return handWrittenMarker.test(sql);
}

async function rows<T extends pg.QueryResultRow>(
  client: pg.Client,
  sql: string,
  schemas: readonly string[],
): Promise<T[]> {
  return (await client.query<T>(sql, [schemas])).rows;
}

/** Reads the catalog objects of `schemas` (bookkeeping tables such as _prisma_migrations aside). */
export async function snapshotCatalog(
  client: pg.Client,
  schemas: readonly string[],
): Promise<Catalog> {
  const catalog: Catalog = new Map();
  const add = (key: string, definition: string): void => {
    catalog.set(key, definition);
  };
  const skipTable = "c.relname <> '_prisma_migrations'";

  for (const r of await rows<{ name: string }>(
    client,
    'SELECT nspname::text AS name FROM pg_namespace WHERE nspname = ANY($1)',
    schemas,
  )) {
    add(`schema ${r.name}`, 'exists');
  }

  for (const r of await rows<{ s: string; t: string; kind: string; rls: boolean; force: boolean }>(
    client,
    `SELECT n.nspname::text AS s, c.relname::text AS t, c.relkind::text AS kind,
            c.relrowsecurity AS rls, c.relforcerowsecurity AS force
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND ${skipTable}`,
    schemas,
  )) {
    add(`relation ${r.s}.${r.t}`, `kind=${r.kind} rls=${r.rls} force_rls=${r.force}`);
  }

  for (const r of await rows<{
    s: string;
    t: string;
    c: string;
    type: string;
    notnull: boolean;
    def: string | null;
    identity: string;
    generated: string;
    collation: string | null;
  }>(
    client,
    `SELECT n.nspname::text AS s, c.relname::text AS t, a.attname::text AS c,
            format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
            pg_get_expr(d.adbin, d.adrelid) AS def, a.attidentity::text AS identity,
            a.attgenerated::text AS generated,
            CASE WHEN a.attcollation <> ty.typcollation THEN co.collname::text END AS collation
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type ty ON ty.oid = a.atttypid
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       LEFT JOIN pg_collation co ON co.oid = a.attcollation
      WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${skipTable}
        AND a.attnum > 0 AND NOT a.attisdropped`,
    schemas,
  )) {
    add(
      `column ${r.s}.${r.t}.${r.c}`,
      [
        r.type,
        r.notnull ? 'NOT NULL' : 'NULL',
        r.def === null ? '' : `DEFAULT ${r.def}`,
        r.identity ? `IDENTITY ${r.identity}` : '',
        r.generated ? `GENERATED ${r.generated}` : '',
        r.collation === null ? '' : `COLLATE ${r.collation}`,
      ]
        .filter(Boolean)
        .join(' '),
    );
  }

  // Labels sorted: Prisma appends a new value where a from-scratch CREATE TYPE lists it in order.
  for (const r of await rows<{ s: string; name: string; labels: string[] }>(
    client,
    `SELECT n.nspname::text AS s, t.typname::text AS name,
            array_agg(e.enumlabel::text ORDER BY e.enumlabel) AS labels
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = ANY($1)
      GROUP BY n.nspname, t.typname`,
    schemas,
  )) {
    add(`enum ${r.s}.${r.name}`, r.labels.join(', '));
  }

  for (const r of await rows<{ s: string; name: string; def: string }>(
    client,
    `SELECT schemaname::text AS s, indexname::text AS name, indexdef AS def
       FROM pg_indexes WHERE schemaname = ANY($1) AND tablename <> '_prisma_migrations'`,
    schemas,
  )) {
    add(`index ${r.s}.${r.name}`, r.def);
  }

  for (const r of await rows<{ s: string; t: string; name: string; type: string; def: string }>(
    client,
    `SELECT n.nspname::text AS s, c.relname::text AS t, con.conname::text AS name,
            con.contype::text AS type, pg_get_constraintdef(con.oid, true) AS def
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND ${skipTable}`,
    schemas,
  )) {
    add(`constraint ${r.s}.${r.t}.${r.name}`, `${r.type}: ${r.def}`);
  }

  for (const r of await rows<{
    s: string;
    t: string;
    name: string;
    permissive: string;
    roles: string;
    cmd: string;
    qual: string | null;
    check: string | null;
  }>(
    client,
    `SELECT schemaname::text AS s, tablename::text AS t, policyname::text AS name, permissive,
            roles::text AS roles, cmd, qual, with_check AS check
       FROM pg_policies WHERE schemaname = ANY($1)`,
    schemas,
  )) {
    add(
      `policy ${r.s}.${r.t}.${r.name}`,
      `${r.permissive} ${r.cmd} TO ${r.roles} USING (${r.qual ?? ''}) WITH CHECK (${r.check ?? ''})`,
    );
  }

  for (const r of await rows<{ s: string; t: string; name: string; def: string }>(
    client,
    `SELECT n.nspname::text AS s, c.relname::text AS t, tg.tgname::text AS name,
            pg_get_triggerdef(tg.oid) AS def
       FROM pg_trigger tg
       JOIN pg_class c ON c.oid = tg.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND NOT tg.tgisinternal`,
    schemas,
  )) {
    add(`trigger ${r.s}.${r.t}.${r.name}`, r.def);
  }

  for (const r of await rows<{ s: string; name: string; args: string; def: string }>(
    client,
    `SELECT n.nspname::text AS s, p.proname::text AS name,
            pg_get_function_identity_arguments(p.oid) AS args, pg_get_functiondef(p.oid) AS def
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = ANY($1) AND p.prokind IN ('f', 'p')`,
    schemas,
  )) {
    add(`function ${r.s}.${r.name}(${r.args})`, r.def);
  }

  return catalog;
}

/** What changed from `before` to `after`, as a delta (null = removed). */
export function catalogDelta(before: Catalog, after: Catalog): CatalogDelta {
  const delta: CatalogDelta = new Map();
  for (const [key, definition] of after) {
    if (before.get(key) !== definition) delta.set(key, definition);
  }
  for (const key of before.keys()) {
    if (!after.has(key)) delta.set(key, null);
  }
  return delta;
}

/** `base` with `delta` applied. */
export function applyDelta(base: Catalog, delta: CatalogDelta): Catalog {
  const result: Catalog = new Map(base);
  for (const [key, definition] of delta) {
    if (definition === null) result.delete(key);
    else result.set(key, definition);
  }
  return result;
}

/** Human-readable differences: `+` only built by the migrations, `-` only in the schema. */
export function compareCatalogs(migrations: Catalog, schema: Catalog): string[] {
  const differences: string[] = [];
  const keys = [...new Set([...migrations.keys(), ...schema.keys()])].sort();
  for (const key of keys) {
    const built = migrations.get(key);
    const described = schema.get(key);
    if (built === described) continue;
    if (described === undefined) differences.push(`+ ${key}: ${built ?? ''}`);
    else if (built === undefined) differences.push(`- ${key}: ${described}`);
    else differences.push(`~ ${key}: migrations have ${built}; schema.prisma has ${described}`);
  }
  return differences;
}

/** Runs one SQL script in a transaction. */
export async function runInTransaction(client: pg.Client, sql: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

export interface MigratedState {
  catalog: Catalog;
  /** The combined changes of every hand-written migration, in order. */
  handWritten: CatalogDelta;
}

/** Applies the migrations in order, recording what the hand-written ones change. */
export async function applyMigrations(
  client: pg.Client,
  migrations: readonly Migration[],
  schemas: readonly string[],
): Promise<MigratedState> {
  const handWritten: CatalogDelta = new Map();
  for (const migration of migrations) {
    const sql = await readFile(migration.file, 'utf8');
    const tracked = isHandWritten(sql);
    const before = tracked ? await snapshotCatalog(client, schemas) : null;
    try {
      await runInTransaction(client, sql);
    } catch (error) {
      throw new Error(`migration ${migration.name} failed: ${String(error)}`, { cause: error });
    }
    if (before !== null) {
      for (const [key, definition] of catalogDelta(
        before,
        await snapshotCatalog(client, schemas),
      )) {
        handWritten.set(key, definition);
      }
    }
  }
  return { catalog: await snapshotCatalog(client, schemas), handWritten };
}

/** Creates a scratch database on the server of `serverUrl` and returns its URL. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a scratch database made by createScratchDatabase. */
export async function dropScratchDatabase(serverUrl: string, databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

export interface ServiceComparison {
  service: Service;
  /** Empty when the migrations and schema.prisma describe the same database. */
  differences: string[];
  /** Catalog built by the migrations (hand-written ones included). */
  migrated: Catalog;
}

/**
 * Builds `service`'s migrations and its schema (the text of a schema.prisma, by default the
 * file on disk) in two scratch databases on `serverUrl` (a superuser URL) and compares them.
 */
export async function compareMigrationsWithSchema(
  serverUrl: string,
  service: Service,
  schemaText?: string,
): Promise<ServiceComparison> {
  const schemas = [databaseSchemaOf(service)];
  const schema = schemaText ?? (await readFile(schemaPathOf(service), 'utf8'));
  const migrationsDb = await createScratchDatabase(serverUrl, `migrations_${service}`);
  const schemaDb = await createScratchDatabase(serverUrl, `schema_${service}`);
  try {
    const [migrated, described] = await Promise.all([
      withClient(migrationsDb, async (client) =>
        applyMigrations(client, await listMigrations(service), schemas),
      ),
      (async () => {
        const sql = await migrateDiff({
          from: { kind: 'empty' },
          to: schema,
          databaseUrl: schemaDb,
        });
        return withClient(schemaDb, async (client) => {
          await runInTransaction(client, sql);
          return snapshotCatalog(client, schemas);
        });
      })(),
    ]);
    const expected = applyDelta(described, migrated.handWritten);
    return {
      service,
      differences: compareCatalogs(migrated.catalog, expected),
      migrated: migrated.catalog,
    };
  } finally {
    await dropScratchDatabase(serverUrl, migrationsDb);
    await dropScratchDatabase(serverUrl, schemaDb);
  }
}
