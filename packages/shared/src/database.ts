import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { DatabaseSettings } from './config.ts';
import { observePool } from './poolMetrics.ts';

/** Pool settings for a service's connection pool (node-postgres through Prisma's adapter). */
export interface PoolOptions {
  /** Maximum connections per process (default 10). */
  max?: number;
  /** Milliseconds to wait for a connection before failing (default 5000). */
  connectionTimeoutMillis?: number;
  /** Called with the SQL of every statement sent (tests count round trips with it). */
  onQuery?: (sql: string) => void;
  /** PostgreSQL statement_timeout of every connection, ms (0 or unset: none). */
  statementTimeoutMs?: number;
  /**
   * The URL leads to a pooler in transaction mode (PgBouncer), which refuses a startup
   * parameter such as statement_timeout: the role's default (set by `npm run db:migrate` from
   * DB_STATEMENT_TIMEOUT_MS) applies instead. A SET per connection would not do either: it
   * would stay on whichever server connection ran it, for other clients to inherit.
   */
  pooled?: boolean;
  /** Longest interactive transaction, ms (default 30000): PrismaClient's transactionOptions. */
  transactionTimeoutMs?: number;
}

/**
 * A service's pool options from its configuration: its database settings, and whether its
 * queries go through a pooler (the pooled URL differs from the direct one).
 */
export function poolOptions(config: {
  databaseUrl: string;
  directDatabaseUrl: string;
  database: DatabaseSettings;
}): PoolOptions {
  return { ...config.database, pooled: config.databaseUrl !== config.directDatabaseUrl };
}

/** PrismaClient `transactionOptions` from pool options: one setting for every transaction. */
export function transactionOptions(options: PoolOptions = {}) {
  return { timeout: options.transactionTimeoutMs ?? 30_000 };
}

/**
 * Creates Prisma's PostgreSQL driver adapter for one service schema. The schema must be passed
 * here: Prisma 7's adapter ignores `?schema=` and `search_path` in the URL.
 */
export function createPgAdapter(url: string, schema: string, options: PoolOptions = {}): PrismaPg {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    idleTimeoutMillis: 30_000,
    application_name: `grahvani-${schema}`,
    // A startup parameter on direct connections; behind a pooler the role's default applies.
    ...(options.statementTimeoutMs && !options.pooled
      ? { statement_timeout: options.statementTimeoutMs }
      : {}),
  });
  const { onQuery } = options;
  if (onQuery) {
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      // Observes each statement on its way to the server; the call itself is unchanged.
      client.query = ((...args: unknown[]) => {
        const first = args[0];
        onQuery(typeof first === 'string' ? first : String((first as { text?: string }).text));
        return query(...args);
      }) as typeof client.query;
    });
  }
  // After the observer above: it then sees one statement per round trip.
  pool.on('connect', (client) => deferBegin(client));
  pool.on('acquire', (client) => forgetBegin(client));
  const adapter = new PrismaPg(pool, { schema, disposeExternalPool: true });
  observePool(adapter, pool);
  return adapter;
}

type QueryConfig = { text?: unknown; values?: unknown[]; name?: unknown };
const pendingBegin = new WeakSet<pg.PoolClient>();

/**
 * Saves a round trip per transaction: Prisma sends `BEGIN` on its own and awaits it before the
 * transaction's first statement. Here the BEGIN is answered at once and sent together with
 * that first statement when it has no parameters (one simple-protocol message, e.g.
 * `BEGIN; SELECT set_config('app.tenant_id', '...', true)` — see `setLocalSql`), or just
 * before it otherwise. PostgreSQL runs the two in order either way, and an error in either
 * fails the statement Prisma awaits, which then rolls back. Written by hand: neither Prisma's
 * adapter nor node-postgres pipelines statements.
 */
function deferBegin(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  client.query = (async (...args: unknown[]) => {
    const config = args[0] as QueryConfig | string;
    const text = typeof config === 'string' ? config : config.text;
    if (args.length === 1 && typeof config === 'object' && text === 'BEGIN') {
      pendingBegin.add(client);
      return { command: 'BEGIN', rowCount: null, rows: [], fields: [], oid: null };
    }
    if (!pendingBegin.delete(client)) return query(...args);
    const simple =
      args.length === 1 &&
      typeof config === 'object' &&
      typeof text === 'string' &&
      !config.name &&
      !config.values?.length;
    if (!simple) {
      await query('BEGIN');
      return query(...args);
    }
    const results = await query({ ...config, text: `BEGIN; ${text}` });
    return Array.isArray(results) ? results.at(-1) : results;
  }) as typeof client.query;
}

/** A connection handed out again never carries a BEGIN that was not sent (defensive). */
function forgetBegin(client: pg.PoolClient): void {
  pendingBegin.delete(client);
}

/**
 * `SELECT set_config(name, value, true)` with the value as a quoted literal rather than a
 * parameter: a statement without parameters can share its round trip with the transaction's
 * BEGIN (see deferBegin). The value is escaped by node-postgres.
 */
export function setLocalSql(name: string, value: string): string {
  return `SELECT set_config(${pg.escapeLiteral(name)}, ${pg.escapeLiteral(value)}, true)`;
}

/** Minimal surface of a Prisma client that health checks need. */
export interface Pingable {
  $queryRawUnsafe(query: string): Promise<unknown>;
}

/** Readiness: one `SELECT 1` round trip with a deadline. */
export async function checkDatabase(
  db: Pingable,
  timeoutMs = 2_000,
): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRawUnsafe('SELECT 1'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: err instanceof Error ? err.message : String(err),
    };
  } finally {
    clearTimeout(timer);
  }
}
