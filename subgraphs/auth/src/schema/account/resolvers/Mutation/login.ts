import { unauthenticated } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { verifyPassword } from '../../../../passwords.ts';
import { signIn } from '../../../../sessions.ts';

const SIGN_IN_STATUSES = new Set(['ACTIVE', 'PENDING_VERIFICATION']);

export const login: NonNullable<MutationResolvers['login']> = async (_parent, { input }, ctx) => {
  const email = input.email.trim().toLowerCase();
  const user = await ctx.db.authUser.findUnique({ where: { email } });
  const valid = await verifyPassword(user?.passwordHash, input.password);
  // One message for unknown email, wrong password and blocked accounts: no enumeration.
  if (!user || !valid || !SIGN_IN_STATUSES.has(user.status)) {
    throw unauthenticated('Invalid email or password');
  }
  const signedIn = await ctx.db.authUser.update({
    where: { id: user.id },
    data: { lastLoginAt: new Date() },
  });
  return signIn(ctx.db, ctx, signedIn, ctx.config.sessionTtlDays);
};
