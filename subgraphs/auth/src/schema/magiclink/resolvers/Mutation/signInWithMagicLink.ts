import { unauthenticated } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { limitFailedAttempts } from '../../../../rateLimits.ts';
import { consumeArgs, isConsumable } from '../../../../oneTimeTokens.ts';
import { signIn } from '../../../../sessions.ts';
import { hashToken } from '../../../../tokens.ts';

const invalidLink = () => unauthenticated('Invalid or expired sign-in link');

export const signInWithMagicLink: NonNullable<MutationResolvers['signInWithMagicLink']> = (
  _parent,
  { token },
  ctx,
) =>
  // Guessing mailed secrets: failed attempts per address are limited.
  limitFailedAttempts(ctx, 'signInWithMagicLink', async () => {
    const now = new Date();
    const row = await ctx.db.authMagicLinkToken.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { user: true },
    });
    if (!isConsumable(row, now) || row.user.status !== 'ACTIVE' || row.email !== row.user.email) {
      throw invalidLink();
    }
    const user = await ctx.db.$transaction(async (tx) => {
      const consumed = await tx.authMagicLinkToken.updateMany(consumeArgs(row.id, now));
      if (consumed.count !== 1) throw invalidLink();
      return tx.authUser.update({ where: { id: row.userId }, data: { lastLoginAt: now } });
    });
    return signIn(ctx.db, ctx, user, ctx.config.sessionTtlDays);
  });
