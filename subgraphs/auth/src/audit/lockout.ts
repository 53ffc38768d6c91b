import type { Prisma } from '../generated/prisma/client.ts';
import { recordAudit, systemOrigin, type RequestOrigin } from './record.ts';

/**
 * Records ACCOUNT_LOCKED when the failure just recorded is the one that locked `userId`'s
 * account: locked now (`untilWith` in the future) and not locked without it. Called in the
 * failure's transaction, under the login throttle's per-email lock, so one lock leaves one
 * event however many replicas count failures at once.
 */
export async function recordLockIfNew(
  tx: Prisma.TransactionClient,
  lock: { userId: string; untilWithout: number; untilWith: number; now: number },
  request: RequestOrigin,
): Promise<void> {
  if (lock.untilWith <= lock.now || lock.untilWithout > lock.now) return;
  await recordAudit(tx, systemOrigin('login-throttle', request), {
    action: 'ACCOUNT_LOCKED',
    targetId: lock.userId,
    before: { locked: false },
    after: { locked: true, lockedUntil: new Date(lock.untilWith).toISOString() },
  });
}
