import type { Context } from './context.ts';
import type { Prisma } from './generated/prisma/client.ts';

/** Actions written to user_activity_logs, one per mutation of this subgraph. */
export type ActivityAction =
  | 'profile.update'
  | 'preferences.update'
  | 'address.add'
  | 'address.update'
  | 'address.remove'
  | 'user.follow'
  | 'user.unfollow';

/** Records an action; call it with the mutation's transaction so both commit or neither. */
export function logActivity(
  tx: Prisma.TransactionClient,
  ctx: Pick<Context, 'userAgent'>,
  userId: string,
  action: ActivityAction,
  metadata: Prisma.InputJsonObject,
) {
  return tx.userActivityLog.create({
    data: { userId, action, metadata, userAgent: ctx.userAgent },
  });
}
