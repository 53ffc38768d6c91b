import type { Logger } from '@grahvani/shared';
import type { Db } from './db.ts';

const DAY_MS = 86_400_000;

export interface HousekeepingOptions {
  /** Login attempts are kept this many days (the audit trail), then deleted. */
  attemptRetentionDays: number;
  /** Audit events are kept this many days (at least 30), then deleted. */
  auditRetentionDays: number;
}

/**
 * Deletes what no longer serves a purpose: login attempts past their retention, revocations
 * whose access tokens have expired anyway, sessions that ended a retention period ago (their
 * rotated refresh hashes go with them), rate-limit counters whose window ended, and audit events
 * past their retention. Idempotent, so any number of replicas may run it.
 */
export async function pruneAuthRecords(
  db: Db,
  { attemptRetentionDays, auditRetentionDays }: HousekeepingOptions,
  now = new Date(),
) {
  const cutoff = new Date(now.getTime() - attemptRetentionDays * DAY_MS);
  const [attempts, revocations, sessions, rateLimits, [audit]] = await db.$transaction([
    db.authLoginAttempt.deleteMany({ where: { createdAt: { lt: cutoff } } }),
    db.authTokenBlacklist.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.authSession.deleteMany({ where: { expiresAt: { lt: cutoff } } }),
    db.rateLimit.deleteMany({ where: { expiresAt: { lt: now } } }),
    // The audit log is append-only for this role: only the owner's function may delete from it.
    db.$queryRaw<{ deleted: number }[]>`
      SELECT app_auth.prune_audit_log(${auditRetentionDays}::int)::int AS deleted`,
  ]);
  return {
    attempts: attempts.count,
    revocations: revocations.count,
    sessions: sessions.count,
    rateLimits: rateLimits.count,
    auditEvents: audit?.deleted ?? 0,
  };
}

/** Prunes now and then every `intervalMs` (default hourly); returns a function that stops it. */
export function scheduleHousekeeping(
  db: Db,
  options: HousekeepingOptions,
  logger: Logger,
  intervalMs = 3_600_000,
): () => void {
  const run = () =>
    void pruneAuthRecords(db, options)
      .then((deleted) => logger.debug({ deleted }, 'auth housekeeping'))
      .catch((err: unknown) => logger.warn({ err }, 'auth housekeeping failed'));
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
