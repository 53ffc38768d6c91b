import { conflict } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { limitAddress } from '../../../../rateLimits.ts';
import { hashPassword, validatePassword } from '../../../../passwords.ts';
import { signIn } from '../../../../sessions.ts';
import { sendVerificationEmail } from '../../../verification/sendVerificationEmail.ts';
import { normalizeEmail, normalizeName } from '../../../../validation.ts';

export const register: NonNullable<MutationResolvers['register']> = async (
  _parent,
  { input },
  ctx,
) => {
  // First, whatever the input: sign-ups per address, the same answer for any email.
  await limitAddress(ctx, 'register');
  const email = normalizeEmail(input.email);
  const name = normalizeName(input.name);
  validatePassword(input.password);
  const existing = await ctx.db.authUser.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw conflict('An account with this email already exists');
  const passwordHash = await hashPassword(input.password);
  const user = await ctx.db.authUser
    .create({ data: { email, name, passwordHash, role: 'USER', status: 'PENDING_VERIFICATION' } })
    .catch((err: { code?: string }) => {
      if (err.code === 'P2002') throw conflict('An account with this email already exists');
      throw err;
    });
  await sendVerificationEmail(ctx, user);
  return signIn(ctx.db, ctx, user, ctx.config.sessionTtlDays);
};
