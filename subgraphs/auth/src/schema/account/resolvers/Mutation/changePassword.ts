import { badInput, rateLimited, requireIdentity, unauthenticated } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { hashPassword, validatePassword, verifyPassword } from '../../../../passwords.ts';
import { revokeSessionsIn } from '../../../../revocation.ts';
import { finishLoginAttempt, startLoginAttempt } from '../../../../throttle.ts';

/**
 * Changes the password and revokes every other session: whoever else held one (perhaps the
 * reason for the change) is signed out, while the device making the change stays signed in.
 * The current password is checked under the login throttle, so a stolen access token cannot
 * be used to guess it faster than a sign-in could.
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
  const attempt = await startLoginAttempt(ctx.db, ctx.throttle, {
    email: user.email,
    ip: ctx.ip?.slice(0, 64) ?? null,
    userAgent: ctx.userAgent,
  });
  if (!attempt.allowed) {
    throw rateLimited('Too many wrong passwords; try again later', attempt.retryAfterSeconds);
  }
  const valid = await verifyPassword(user.passwordHash, currentPassword);
  await finishLoginAttempt(
    ctx.db,
    ctx.throttle,
    attempt.attemptId,
    { userId, failureReason: valid ? null : 'wrong_current_password' },
    ctx,
  );
  if (!valid) throw badInput('The current password is wrong', 'currentPassword');
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
