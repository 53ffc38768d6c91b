import type { ThrottleConfig } from '../config.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { overLimitFor, pairLockedFor, passwordSetAt } from '../throttleRules.ts';
import { recordAudit, systemOrigin, type RequestOrigin } from './record.ts';

/** What a lock closes: the account from one address, or from every address it never used. */
type LockScope = 'address' | 'account';

/**
 * Records ACCOUNT_LOCKED for each lock in force after the failure just recorded that has no
 * event yet. Two onsets of one lock are more than a window apart (a lock lasts a window after
 * the failure that began it), so "an event within the last window" is exactly "this lock is
 * recorded". Called under the throttle's per-email lock, so replicas cannot record one twice.
 */
export async function recordLocks(
  tx: Prisma.TransactionClient,
  attempt: { userId: string; email: string; ip: string | null },
  config: ThrottleConfig,
  request: RequestOrigin,
): Promise<void> {
  const now = new Date();
  const windowStart = new Date(now.getTime() - config.windowMinutes * 60_000);
  const locks: [LockScope, number][] = [
    ['address', await pairLockedFor(tx, attempt.email, attempt.ip, config, now)],
    [
      'account',
      await overLimitFor(
        tx,
        { email: attempt.email },
        config.accountMaxFailures,
        config,
        now,
        await passwordSetAt(tx, attempt.email),
      ),
    ],
  ];
  for (const [scope, retryAfterSeconds] of locks) {
    if (retryAfterSeconds <= 0) continue;
    const recorded = await tx.authAuditLog.findFirst({
      where: {
        action: 'ACCOUNT_LOCKED',
        targetId: attempt.userId,
        createdAt: { gt: windowStart },
        after: { path: ['scope'], equals: scope },
        ...(scope === 'address' ? { ipAddress: attempt.ip } : {}),
      },
      select: { id: true },
    });
    if (recorded) continue;
    await recordAudit(tx, systemOrigin('login-throttle', { ...request, ip: attempt.ip }), {
      action: 'ACCOUNT_LOCKED',
      targetId: attempt.userId,
      before: { locked: false },
      after: {
        locked: true,
        scope,
        lockedUntil: new Date(now.getTime() + retryAfterSeconds * 1000).toISOString(),
      },
    });
  }
}
