import type { ThrottleConfig } from './config.ts';
import type { Prisma } from './generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

/** Why a login attempt failed, as recorded in auth_login_attempts.failure_reason. */
export type LoginFailureReason =
  | 'in_progress'
  | 'unknown_email'
  | 'wrong_password'
  | 'wrong_current_password'
  | 'account_suspended'
  | 'account_deleted'
  | 'rate_limited_account_address'
  | 'rate_limited_account'
  | 'rate_limited_ip';

// Failures that look like guessing. Attempts refused by the throttle itself do not count (an
// attacker hammering a locked account must not extend the lock forever), nor do right
// passwords for blocked accounts. `in_progress` counts so that concurrent attempts, across
// replicas, see each other before their passwords are checked. A wrong current password in
// changePassword is a guess too (by whoever holds a stolen access token).
export const GUESSES: LoginFailureReason[] = [
  'in_progress',
  'unknown_email',
  'wrong_password',
  'wrong_current_password',
];

/**
 * The end of a lock, from failure times (ascending): every run of `maxFailures` failures
 * within one window locks for a window after the last.
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
 * When the account's password was last set (reset or changed), or null: guesses before it do
 * not count towards the account's locks, so a successful password reset unlocks the account
 * (the new password works at once).
 */
export async function passwordSetAt(tx: Tx, email: string): Promise<Date | null> {
  const user = await tx.authUser.findUnique({
    where: { email },
    select: { passwordChangedAt: true },
  });
  return user?.passwordChangedAt ?? null;
}

/** The later of two instants (null: none). */
const later = (a: Date, b: Date | null) => (b && b > a ? b : a);

/**
 * Seconds until the pair (email, address) may try again; 0 when not locked. Failures count
 * from the pair's last success, so the owner's own typos are forgiven once they get it right,
 * and from the account's last password reset or change.
 */
export async function pairLockedFor(
  tx: Tx,
  email: string,
  ip: string | null,
  config: ThrottleConfig,
  now: Date,
): Promise<number> {
  const windowMs = config.windowMinutes * 60_000;
  // A lock can have begun at most one window before now and lasts one window: look back two.
  const horizon = new Date(now.getTime() - 2 * windowMs);
  const pair = { email, ipAddress: ip };
  const lastSuccess = await tx.authLoginAttempt.findFirst({
    where: { ...pair, success: true, createdAt: { gt: horizon } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const failures = await tx.authLoginAttempt.findMany({
    where: {
      ...pair,
      success: false,
      failureReason: { in: GUESSES },
      createdAt: {
        gt: later(lastSuccess?.createdAt ?? horizon, await passwordSetAt(tx, email)),
      },
    },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  });
  const until = lockedUntil(
    failures.map((f) => f.createdAt),
    config.accountAddressMaxFailures,
    windowMs,
  );
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/**
 * Seconds until fewer than `limit` guesses matching `where` fall within the window (a sliding
 * count: the oldest counted failure leaving the window frees one); 0 when under the limit.
 * Guesses up to `since` (an account's last password reset) do not count.
 */
export async function overLimitFor(
  tx: Tx,
  where: Prisma.AuthLoginAttemptWhereInput,
  limit: number,
  config: ThrottleConfig,
  now: Date,
  since: Date | null = null,
): Promise<number> {
  const windowMs = config.windowMinutes * 60_000;
  const counted = {
    ...where,
    success: false,
    failureReason: { in: GUESSES },
    createdAt: { gt: later(new Date(now.getTime() - windowMs), since) },
  };
  const count = await tx.authLoginAttempt.count({ where: counted });
  if (count < limit) return 0;
  const freeing = await tx.authLoginAttempt.findFirst({
    where: counted,
    orderBy: { createdAt: 'asc' },
    skip: count - limit,
    select: { createdAt: true },
  });
  const until = (freeing?.createdAt.getTime() ?? now.getTime()) + windowMs;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/**
 * True when the account has signed in from this address before (within the attempts' retention):
 * its owner's usual address stays open while a distributed attack has the account throttled.
 */
export async function isKnownAddress(
  tx: Tx,
  email: string,
  ip: string | null,
  config: ThrottleConfig,
  now: Date,
): Promise<boolean> {
  if (!ip) return false;
  const since = new Date(now.getTime() - config.attemptRetentionDays * 86_400_000);
  const success = await tx.authLoginAttempt.findFirst({
    where: { email, ipAddress: ip, success: true, createdAt: { gt: since } },
    select: { id: true },
  });
  return success !== null;
}
