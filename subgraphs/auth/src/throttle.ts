import type { ThrottleConfig } from './config.ts';
import type { Db } from './db.ts';
import { recordLocks } from './audit/lockout.ts';
import type { RequestOrigin } from './audit/record.ts';
import {
  GUESSES,
  isKnownAddress,
  overLimitFor,
  pairLockedFor,
  passwordSetAt,
  type LoginFailureReason,
} from './throttleRules.ts';

export { lockedUntil, type LoginFailureReason } from './throttleRules.ts';

export interface LoginAttemptInfo {
  email: string;
  ip: string | null;
  userAgent: string | null;
}

export type LoginAttemptStart =
  { allowed: true; attemptId: string } | { allowed: false; retryAfterSeconds: number };

/**
 * Checks the throttle and records the attempt as in progress, under a per-email advisory
 * lock so that concurrent attempts are counted one by one. Three limits, in order:
 *
 * 1. the pair (account, client address): `accountAddressMaxFailures` guesses within the window
 *    lock that pair for a window, the right password included. Another address is not locked,
 *    so nobody can lock the owner out from the owner's own address with a few wrong passwords;
 * 2. the account across addresses: beyond `accountMaxFailures` guesses within the window (a
 *    distributed attack), addresses that never signed in to the account are refused until the
 *    count falls; addresses it signed in from before stay open (the owner is not locked out);
 * 3. the address across accounts: `ipMaxFailures` guesses within the window block it.
 *
 * The state lives only in PostgreSQL, so every replica enforces the same limits.
 */
export function startLoginAttempt(
  db: Db,
  config: ThrottleConfig,
  info: LoginAttemptInfo,
): Promise<LoginAttemptStart> {
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
    const refuse = async (reason: LoginFailureReason, retryAfterSeconds: number) => {
      await record(reason);
      return { allowed: false as const, retryAfterSeconds };
    };
    const pairRetry = await pairLockedFor(tx, info.email, info.ip, config, now);
    if (pairRetry > 0) return refuse('rate_limited_account_address', pairRetry);
    const accountRetry = await overLimitFor(
      tx,
      { email: info.email },
      config.accountMaxFailures,
      config,
      now,
      await passwordSetAt(tx, info.email),
    );
    if (accountRetry > 0 && !(await isKnownAddress(tx, info.email, info.ip, config, now))) {
      return refuse('rate_limited_account', accountRetry);
    }
    if (info.ip) {
      const ipRetry = await overLimitFor(
        tx,
        { ipAddress: info.ip },
        config.ipMaxFailures,
        config,
        now,
      );
      if (ipRetry > 0) return refuse('rate_limited_ip', ipRetry);
    }
    const { id } = await record('in_progress');
    return { allowed: true, attemptId: id };
  });
}

/**
 * Records the outcome of an attempt started with `startLoginAttempt`. A wrong guess at an
 * existing account that locks it (for this address, or for unknown addresses) also records
 * ACCOUNT_LOCKED, in the same transaction and under the same per-email lock.
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
  await db.$transaction(async (tx) => {
    const { email, ipAddress } = await tx.authLoginAttempt.findUniqueOrThrow({
      where: { id: attemptId },
      select: { email: true, ipAddress: true },
    });
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login:${email}`}))`;
    await tx.authLoginAttempt.update({ where: { id: attemptId }, data });
    await recordLocks(tx, { userId, email, ip: ipAddress }, config, request);
  });
}
