import { badInput, requireIdentity, unauthenticated } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { hashPassword, validatePassword, verifyPassword } from '../../../../passwords.ts';
import { revokeSessionsIn } from '../../../../revocation.ts';

/**
 * Changes the password and revokes every other session: whoever else held one (perhaps the
 * reason for the change) is signed out, while the device making the change stays signed in.
 */
export const changePassword: NonNullable<MutationResolvers['changePassword']> = async (
  _parent,
  { currentPassword, newPassword },
  ctx,
) => {
  const { userId, sessionId } = requireIdentity(ctx.identity);
  const user = await ctx.db.authUser.findUnique({ where: { id: userId } });
  if (!user) throw unauthenticated();
  validatePassword(newPassword, 'newPassword');
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw badInput('The current password is wrong', 'currentPassword');
  }
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.$transaction(async (tx) => {
    await tx.authUser.update({
      where: { id: userId },
      data: { passwordHash, passwordChangedAt: new Date() },
    });
    await revokeSessionsIn(
      tx,
      { userId, exceptSessionId: sessionId },
      'password_changed',
      ctx.config.accessTokenTtlSeconds,
    );
  });
  return true;
};
