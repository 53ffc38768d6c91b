import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { observePool } from './poolMetrics.ts';

/** Pool settings for a service's connection pool (node-postgres through Prisma's adapter). */
export interface PoolOptions {
  /** Maximum connections per process (default 10). */
  max?: number;
  /** Milliseconds to wait for a connection before failing (default 5000). */
  connectionTimeoutMillis?: number;
  /** Called with the SQL of every statement sent (tests count round trips with it). */
  onQuery?: (sql: string) => void;
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
  const adapter = new PrismaPg(pool, { schema, disposeExternalPool: true });
  observePool(adapter, pool);
  return adapter;
}

const TRANSIENT_CODES = new Set([
  'P1001', // can't reach database server
  'P1002', // database server timed out
  'P1008', // operations timed out
  'P1017', // server closed the connection
  'ECONNRESET',
  'ECONNREFUSED',
  '57P01', // admin_shutdown
  '57P03', // cannot_connect_now (starting up)
  '08006', // connection_failure
]);

/** True for errors worth retrying: the database was briefly unreachable, not a bad query. */
export function isTransientDatabaseError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
  const cause = (err as { cause?: unknown }).cause;
  return cause !== undefined && cause !== err && isTransientDatabaseError(cause);
}

/** Runs `fn`, retrying transient database failures with exponential backoff (seed 000/002). */
export async function withRetry<T>(
  fn: () => Promise<T>,
  { retries = 3, baseDelayMs = 100 }: { retries?: number; baseDelayMs?: number } = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= retries || !isTransientDatabaseError(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** attempt));
    }
  }
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
