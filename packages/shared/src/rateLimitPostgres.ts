import type { RateLimitCount, RateLimitRule, RateLimitStore } from './rateLimit.ts';

/**
 * Runs one SQL statement with positional parameters and returns its rows: a service's
 * `db.$queryRawUnsafe`, or (for tables under row-level security) the same inside a
 * transaction that sets the subject as its tenant.
 */
export type RateLimitQuery = <T>(subject: string, sql: string, values: unknown[]) => Promise<T[]>;

interface CountRow {
  hits: number;
  retry_after: number;
}

// The window and the time left are computed on the database's clock, so replicas whose
// clocks differ still share one window.
const WINDOW_START = `to_timestamp(floor(extract(epoch FROM clock_timestamp()) / $3::int) * $3::int)`;
const RETRY_AFTER = `greatest(1, ceil(extract(epoch FROM expires_at - clock_timestamp())))::int`;

/** Where a service keeps its counters (constants of the service, never input). */
export interface RateLimitTable {
  /** Schema-qualified table: (name, <subject>, window_start, hits, expires_at). */
  table: string;
  /** The subject column (default `subject`, text); app_clients keys by `tenant_id`. */
  subjectColumn?: string;
  /** Its SQL type, for the parameter's cast (default `text`). */
  subjectType?: string;
}

/**
 * Counters in a service's `rate_limits` table, shared by every replica; the primary key is
 * (name, subject) in some order. A hit is one statement: an upsert that starts a new window or
 * increments the current one, returning the count.
 */
export function createPostgresStore(
  { table, subjectColumn = 'subject', subjectType = 'text' }: RateLimitTable,
  query: RateLimitQuery,
): RateLimitStore {
  const subject = subjectColumn;
  const hitSql = `
    INSERT INTO ${table} AS r (name, ${subject}, window_start, hits, expires_at)
    SELECT $1, $2::${subjectType}, w.start, 1, w.start + make_interval(secs => $3::int)
      FROM (SELECT ${WINDOW_START} AS start) AS w
    ON CONFLICT (name, ${subject}) DO UPDATE
      SET hits = CASE WHEN r.window_start = EXCLUDED.window_start THEN r.hits + 1 ELSE 1 END,
          window_start = EXCLUDED.window_start,
          expires_at = EXCLUDED.expires_at
    RETURNING hits, ${RETRY_AFTER} AS retry_after`;
  const peekSql = `
    SELECT hits, ${RETRY_AFTER} AS retry_after
      FROM ${table}
     WHERE name = $1 AND ${subject} = $2::${subjectType} AND window_start = ${WINDOW_START}`;
  const run = async (sql: string, rule: RateLimitRule, subject: string) => {
    const rows = await query<CountRow>(subject, sql, [rule.name, subject, rule.windowSeconds]);
    return rows[0];
  };
  return {
    async hit(rule, subject): Promise<RateLimitCount> {
      const row = await run(hitSql, rule, subject);
      if (!row) throw new Error(`rate limit upsert on ${table} returned no row`);
      return { hits: row.hits, retryAfter: row.retry_after };
    },
    async peek(rule, subject): Promise<RateLimitCount> {
      const row = await run(peekSql, rule, subject);
      return row
        ? { hits: row.hits, retryAfter: row.retry_after }
        : { hits: 0, retryAfter: rule.windowSeconds };
    },
  };
}
