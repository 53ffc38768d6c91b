import { badInput } from '@grahvani/shared';
import { accountOrigin, recordAudit } from '../../../../audit/record.ts';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { limitFailedAttempts } from '../../../../rateLimits.ts';
import { consumeArgs, isConsumable, SUPERSEDED } from '../../../../oneTimeTokens.ts';
import { hashPassword, validatePassword } from '../../../../passwords.ts';
import { revokeSessionsIn } from '../../../../revocation.ts';
import { hashToken } from '../../../../tokens.ts';
import { canSignIn } from '../../../../viewer.ts';

const invalidToken = () => badInput('Invalid or expired reset token', 'token');

export const resetPassword: NonNullable<MutationResolvers['resetPassword']> = (
  _parent,
  { token, newPassword },
  ctx,
) =>
  // Guessing mailed secrets: failed attempts per address are limited.
  limitFailedAttempts(ctx, 'resetPassword', async () => {
    validatePassword(newPassword, 'newPassword');
    const now = new Date();
    const row = await ctx.db.authPasswordResetToken.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { user: true },
    });
    if (!isConsumable(row, now) || !canSignIn(row.user.status)) throw invalidToken();
    const passwordHash = await hashPassword(newPassword);
    await ctx.db.$transaction(async (tx) => {
      const consumed = await tx.authPasswordResetToken.updateMany(consumeArgs(row.id, now));
      if (consumed.count !== 1) throw invalidToken();
      await tx.authUser.update({
        where: { id: row.userId },
        data: { passwordHash, passwordChangedAt: now },
      });
      // The hash is a secret: the event says only that, and when, the password changed.
      await recordAudit(tx, accountOrigin(ctx, row.userId), {
        action: 'PASSWORD_RESET',
        targetId: row.userId,
        before: { passwordChangedAt: row.user.passwordChangedAt?.toISOString() ?? null },
        after: { passwordChangedAt: now.toISOString() },
      });
      await tx.authPasswordResetToken.updateMany({
        where: { userId: row.userId, used: false },
        data: SUPERSEDED,
      });
      // Whoever knew the old password may hold a session: end them all.
      await revokeSessionsIn(
        tx,
        { userId: row.userId },
        'password_reset',
        ctx.config.accessTokenTtlSeconds,
      );
    });
    return true;
  });
