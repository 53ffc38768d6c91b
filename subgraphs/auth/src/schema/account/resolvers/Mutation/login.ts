import { forbidden, rateLimited, unauthenticated } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { verifyPassword } from '../../../../passwords.ts';
import { signIn } from '../../../../sessions.ts';
import {
  finishLoginAttempt,
  startLoginAttempt,
  type LoginFailureReason,
} from '../../../../throttle.ts';

const SIGN_IN_STATUSES = new Set(['ACTIVE', 'PENDING_VERIFICATION']);

export const login: NonNullable<MutationResolvers['login']> = async (_parent, { input }, ctx) => {
  const email = input.email.trim().toLowerCase().slice(0, 320);
  const attempt = await startLoginAttempt(ctx.db, ctx.throttle, {
    email,
    ip: ctx.ip?.slice(0, 64) ?? null,
    userAgent: ctx.userAgent,
  });
  if (!attempt.allowed) {
    throw rateLimited(
      'Too many failed sign-in attempts; try again later',
      attempt.retryAfterSeconds,
    );
  }
  const user = await ctx.db.authUser.findUnique({ where: { email } });
  // With no account a dummy hash is verified, so both failures take the same time.
  const valid = await verifyPassword(user?.passwordHash, input.password);
  const failureReason: LoginFailureReason | null = !user
    ? 'unknown_email'
    : !valid
      ? 'wrong_password'
      : !SIGN_IN_STATUSES.has(user.status)
        ? user.status === 'DELETED'
          ? 'account_deleted'
          : 'account_suspended'
        : null;
  await finishLoginAttempt(
    ctx.db,
    ctx.throttle,
    attempt.attemptId,
    { userId: user?.id ?? null, failureReason },
    ctx,
  );
  // Once the password is proven, saying the account is suspended reveals nothing to a stranger.
  if (user && failureReason === 'account_suspended') {
    throw forbidden('This account is suspended', 'ACCOUNT_SUSPENDED');
  }
  // One message for unknown email, wrong password and deleted accounts: no enumeration.
  if (!user || failureReason) throw unauthenticated('Invalid email or password');
  const signedIn = await ctx.db.authUser.update({
    where: { id: user.id },
    data: { lastLoginAt: new Date() },
  });
  return signIn(ctx.db, ctx, signedIn, ctx.config.sessionTtlDays);
};
