import { badInput } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { limitFailedAttempts } from '../../../../rateLimits.ts';
import { consumeArgs, isConsumable } from '../../../../oneTimeTokens.ts';
import { hashToken } from '../../../../tokens.ts';

const invalidToken = () => badInput('Invalid or expired verification token', 'token');

export const verifyEmail: NonNullable<MutationResolvers['verifyEmail']> = (
  _parent,
  { token },
  ctx,
) =>
  // Guessing mailed secrets: failed attempts per address are limited.
  limitFailedAttempts(ctx, 'verifyEmail', async () => {
    const now = new Date();
    const row = await ctx.db.authEmailVerificationToken.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { user: true },
    });
    // A token proves control of the address it was sent to, not of a later one.
    if (!isConsumable(row, now) || row.email !== row.user.email) throw invalidToken();
    return ctx.db.$transaction(async (tx) => {
      const consumed = await tx.authEmailVerificationToken.updateMany(consumeArgs(row.id, now));
      if (consumed.count !== 1) throw invalidToken();
      // Conditional, so that a suspension that happened meanwhile is not undone.
      await tx.authUser.updateMany({
        where: { id: row.userId, status: 'PENDING_VERIFICATION' },
        data: { status: 'ACTIVE' },
      });
      return tx.authUser.update({
        where: { id: row.userId },
        data: { emailVerified: true, emailVerifiedAt: now },
      });
    });
  });
