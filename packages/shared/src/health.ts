import { checkDatabase, type Pingable } from './database.ts';

export type HealthResult = Awaited<ReturnType<typeof checkDatabase>>;

export interface DatabaseHealth {
  /** The latest health check's result (a fresh one, at most once a second, while unhealthy). */
  check(): Promise<HealthResult & { checkedAt: string }>;
  stop(): void;
}

/**
 * Checks the database (`SELECT 1`) now and every `intervalMs` (seed 000: every 30 s); /ready
 * answers from the latest result instead of querying on every probe. While the database is
 * down, a probe checks again itself so that recovery shows at once.
 */
export function createDatabaseHealth(db: Pingable, intervalMs = 30_000): DatabaseHealth {
  let checkedAt = Date.now();
  let latest = run();
  function run() {
    checkedAt = Date.now();
    const started = checkedAt;
    return checkDatabase(db).then((result) => ({
      ...result,
      checkedAt: new Date(started).toISOString(),
    }));
  }
  const timer = setInterval(() => {
    latest = run();
  }, intervalMs);
  timer.unref();
  return {
    async check() {
      const result = await latest;
      if (!result.ok && Date.now() - checkedAt >= 1_000) {
        latest = run();
        return latest;
      }
      return result;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
