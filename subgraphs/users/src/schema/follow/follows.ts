import { badInput, isUuid, notFound } from '@grahvani/shared';
import { logActivity } from '../../activity.ts';
import { viewerProfile } from '../../access.ts';
import type { Context } from '../../context.ts';
import type { Prisma, User } from '../../generated/prisma/client.ts';

/**
 * Moves both denormalised counts by `delta`. The rows are updated in id order, so that two
 * users following each other at the same moment cannot deadlock; the increments happen in
 * SQL, so concurrent follows never lose an update. Returns the followed user's new row.
 */
async function adjustCounts(
  tx: Prisma.TransactionClient,
  followerId: string,
  followingId: string,
  delta: number,
): Promise<User> {
  let followed: User | undefined;
  for (const id of [followerId, followingId].sort()) {
    const row = await tx.user.update({
      where: { id },
      data:
        id === followerId
          ? { followingCount: { increment: delta } }
          : { followerCount: { increment: delta } },
    });
    if (id === followingId) followed = row;
  }
  if (!followed) throw new Error('unreachable: the followed user was not updated');
  return followed;
}

/**
 * Follows (`on`) or unfollows the user `userId` as the viewer, idempotently: the counts move
 * only when a row was really inserted or deleted, in the same transaction as the activity log.
 */
export async function setFollowing(ctx: Context, userId: string, on: boolean): Promise<User> {
  const me = await viewerProfile(ctx);
  if (!isUuid(userId)) throw notFound('User');
  if (userId === me.id) throw badInput('You cannot follow yourself', 'userId');
  const followed = await ctx.db.$transaction(async (tx) => {
    // Both rows locked first, in id order (no deadlock between two users following each
    // other): a deletion of the target is then either seen here or waits for this follow.
    await tx.$queryRaw`SELECT id::text FROM app_users.users WHERE id = ANY(${[me.id, userId].sort()}::uuid[]) ORDER BY id FOR UPDATE`;
    const target = await tx.user.findUnique({ where: { id: userId } });
    if (!target || target.deletedAt) throw notFound('User');
    const pair = { followerId: me.id, followingId: userId };
    const { count } = on
      ? await tx.userFollower.createMany({ data: [pair], skipDuplicates: true })
      : await tx.userFollower.deleteMany({ where: pair });
    await logActivity(tx, ctx, me.id, on ? 'user.follow' : 'user.unfollow', {
      userId,
      changed: count === 1,
    });
    return count === 1 ? adjustCounts(tx, me.id, userId, on ? 1 : -1) : target;
  });
  ctx.loaders.userById.clear(followed.id).prime(followed.id, followed);
  ctx.loaders.userById.clear(me.id);
  return followed;
}
