import { recordLockIfNew } from './audit/lockout.ts';
import type { RequestOrigin } from './audit/record.ts';
import type { ThrottleConfig } from './config.ts';
import type { Db } from './db.ts';

/** Why a login attempt failed, as recorded in auth_login_attempts.failure_reason. */
export type LoginFailureReason =
  | 'in_progress'
  | 'unknown_email'
  | 'wrong_password'
  | 'wrong_current_password'
  | 'account_suspended'
  | 'account_deleted'
  | 'rate_limited_account'
  | 'rate_limited_ip';

// Failures that look like guessing. Attempts refused by the throttle itself do not count (an
// attacker hammering a locked account must not extend the lock forever), nor do right
// passwords for blocked accounts. `in_progress` counts so that concurrent attempts, across
// replicas, see each other before their passwords are checked. A wrong current password in
// changePassword is a guess too (by whoever holds a stolen access token).
const GUESSES: LoginFailureReason[] = [
  'in_progress',
  'unknown_email',
  'wrong_password',
  'wrong_current_password',
];

export interface LoginAttemptInfo {
  email: string;
  ip: string | null;
  userAgent: string | null;
}

export type LoginAttemptStart =
  { allowed: true; attemptId: string } | { allowed: false; retryAfterSeconds: number };

/**
 * The end of an account's lock, from its failure times (ascending): every run of
 * `maxFailures` failures within one window locks the account for a window after the last.
 */
export function lockedUntil(failures: Date[], maxFailures: number, windowMs: number): number {
  let until = 0;
  for (let i = maxFailures - 1; i < failures.length; i++) {
    const last = failures[i]!.getTime();
    if (last - failures[i - maxFailures + 1]!.getTime() <= windowMs) {
      until = Math.max(until, last + windowMs);
    }
  }
  return until;
}

/**
 * Checks the throttle and records the attempt as in progress, under a per-email advisory
 * lock so that concurrent attempts are counted one by one. The state lives only in
 * PostgreSQL, so every replica enforces the same limits.
 */
export function startLoginAttempt(
  db: Db,
  config: ThrottleConfig,
  info: LoginAttemptInfo,
): Promise<LoginAttemptStart> {
  const windowMs = config.windowMinutes * 60_000;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login:${info.email}`}))`;
    const now = new Date();
    const record = (reason: LoginFailureReason | null) =>
      tx.authLoginAttempt.create({
        data: {
          email: info.email,
          ipAddress: info.ip,
          userAgent: info.userAgent,
          success: false,
          failureReason: reason,
          createdAt: now,
        },
        select: { id: true },
      });
    const failures = await recentGuesses(tx, info.email, now, windowMs);
    const until = lockedUntil(
      failures.map((f) => f.createdAt),
      config.accountMaxFailures,
      windowMs,
    );
    if (until > now.getTime()) {
      await record('rate_limited_account');
      return { allowed: false, retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
    }
    if (info.ip) {
      const ipRetry = await ipBlockedFor(tx, info.ip, config, now);
      if (ipRetry > 0) {
        await record('rate_limited_ip');
        return { allowed: false, retryAfterSeconds: ipRetry };
      }
    }
    const { id } = await record('in_progress');
    return { allowed: true, attemptId: id };
  });
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** The email's guesses since its last success that can still matter for a lock, oldest first. */
async function recentGuesses(tx: Tx, email: string, now: Date, windowMs: number) {
  // A lock can have begun at most one window before now and lasts one window: look back two.
  const horizon = new Date(now.getTime() - 2 * windowMs);
  const lastSuccess = await tx.authLoginAttempt.findFirst({
    where: { email, success: true, createdAt: { gt: horizon } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  return tx.authLoginAttempt.findMany({
    where: {
      email,
      success: false,
      failureReason: { in: GUESSES },
      createdAt: { gt: lastSuccess?.createdAt ?? horizon },
    },
    orderBy: { createdAt: 'asc' },
    select: { id: true, createdAt: true },
  });
}

/** Seconds until the IP's failures in the window fall below the limit; 0 when not blocked. */
async function ipBlockedFor(tx: Tx, ip: string, config: ThrottleConfig, now: Date) {
  const windowMs = config.windowMinutes * 60_000;
  const where = {
    ipAddress: ip,
    success: false,
    failureReason: { in: GUESSES },
    createdAt: { gt: new Date(now.getTime() - windowMs) },
  };
  const count = await tx.authLoginAttempt.count({ where });
  if (count < config.ipMaxFailures) return 0;
  const freeing = await tx.authLoginAttempt.findFirst({
    where,
    orderBy: { createdAt: 'asc' },
    skip: count - config.ipMaxFailures,
    select: { createdAt: true },
  });
  const until = (freeing?.createdAt.getTime() ?? now.getTime()) + windowMs;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/**
 * Records the outcome of an attempt started with `startLoginAttempt`. A wrong guess at an
 * existing account that locks it also records ACCOUNT_LOCKED, in the same transaction.
 */
export async function finishLoginAttempt(
  db: Db,
  config: ThrottleConfig,
  attemptId: string,
  outcome: { userId: string | null; failureReason: LoginFailureReason | null },
  request: RequestOrigin,
): Promise<void> {
  const data = {
    userId: outcome.userId,
    success: outcome.failureReason === null,
    failureReason: outcome.failureReason,
  };
  const { userId, failureReason } = outcome;
  if (!userId || !failureReason || !GUESSES.includes(failureReason)) {
    await db.authLoginAttempt.update({ where: { id: attemptId }, data });
    return;
  }
  const windowMs = config.windowMinutes * 60_000;
  await db.$transaction(async (tx) => {
    const { email } = await tx.authLoginAttempt.findUniqueOrThrow({
      where: { id: attemptId },
      select: { email: true },
    });
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login:${email}`}))`;
    await tx.authLoginAttempt.update({ where: { id: attemptId }, data });
    const now = new Date();
    const guesses = await recentGuesses(tx, email, now, windowMs);
    const until = (rows: typeof guesses) =>
      lockedUntil(
        rows.map((g) => g.createdAt),
        config.accountMaxFailures,
        windowMs,
      );
    await recordLockIfNew(
      tx,
      {
        userId,
        untilWith: until(guesses),
        untilWithout: until(guesses.filter((g) => g.id !== attemptId)),
        now: now.getTime(),
      },
      request,
    );
  });
}
