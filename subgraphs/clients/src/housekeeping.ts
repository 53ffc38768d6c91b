import type { Logger } from '@grahvani/shared';
import type { Db } from './db.ts';

/** Keys deleted per statement: short transactions, no long locks. */
const BATCH = 1_000;

/**
 * Deletes idempotency keys that expired (24 hours after first use) across every tenant,
 * through the SECURITY DEFINER function of the migrations (row-level security hides other
 * tenants' rows from the service role). Idempotent: any number of replicas may run it.
 */
export async function pruneExpiredIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await db.$queryRaw<{ deleted: number }[]>`
      SELECT app_clients.prune_expired_idempotency_keys(${now}::timestamptz, ${BATCH}::integer) AS deleted`;
    const deleted = row?.deleted ?? 0;
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

/** Prunes now and then every `intervalMs` (default hourly); returns a function that stops it. */
export function scheduleHousekeeping(db: Db, logger: Logger, intervalMs = 3_600_000): () => void {
  const run = () =>
    void pruneExpiredIdempotencyKeys(db)
      .then((deleted) => logger.debug({ deleted }, 'clients housekeeping'))
      .catch((err: unknown) => logger.warn({ err }, 'clients housekeeping failed'));
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
