import {
  createPostgresStore,
  createRateLimiter,
  type Logger,
  type RateLimiter,
  type RateLimitRule,
  setLocalSql,
} from '@grahvani/shared';
import type { Db } from './db.ts';

/** The per-tenant limits of the clients service, counted in app_clients.rate_limits. */
export interface ClientsRateLimits {
  limiter: RateLimiter;
  /** importClients per tenant an hour (RATE_LIMIT_IMPORTS_PER_HOUR). */
  imports: RateLimitRule;
}

/**
 * A limiter whose counters every replica shares. The table is under row-level security like
 * every app_clients table: each counter is written in a transaction whose tenant is its
 * subject (one batch: set_config, then the one-statement upsert).
 */
export function createClientsLimiter(db: Db, enabled: boolean): RateLimiter {
  const table = {
    table: '"app_clients"."rate_limits"',
    subjectColumn: 'tenant_id',
    subjectType: 'uuid',
  };
  const store = createPostgresStore(table, async (tenant, sql, values) => {
    const [, rows] = await db.$transaction([
      db.$executeRawUnsafe(setLocalSql('app.tenant_id', tenant)),
      db.$queryRawUnsafe<never[]>(sql, ...values),
    ]);
    return rows;
  });
  return createRateLimiter({ enabled, store });
}

/** Deletes the counters whose window has ended (all tenants, through a definer function). */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<number> {
  const [row] = await db.$queryRaw<{ deleted: number }[]>`
    SELECT app_clients.prune_rate_limits(${now}::timestamptz) AS deleted`;
  return row?.deleted ?? 0;
}

/** Prunes now and then hourly; returns a function that stops it. */
export function scheduleRateLimitPruning(db: Db, logger: Logger, intervalMs = 3_600_000) {
  const run = () =>
    void pruneRateLimits(db)
      .then((deleted) => logger.debug({ deleted }, 'rate limit counters pruned'))
      .catch((err: unknown) => logger.warn({ err }, 'rate limit pruning failed'));
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
