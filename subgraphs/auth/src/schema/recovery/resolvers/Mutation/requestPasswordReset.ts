import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { runInBackground } from '../../../../mail.ts';
import { passwordResetMail } from '../../../../mailMessages.ts';
import { issueOneTimeToken } from '../../../../oneTimeTokens.ts';
import { normalizeEmail } from '../../../../validation.ts';
import { canSignIn } from '../../../admin/actor.ts';

export const requestPasswordReset: NonNullable<MutationResolvers['requestPasswordReset']> = (
  _parent,
  { email },
  ctx,
) => {
  const address = normalizeEmail(email);
  // The answer is the same, and as fast, whether or not the account exists.
  runInBackground(ctx.logger, async () => {
    const user = await ctx.db.authUser.findUnique({ where: { email: address } });
    if (!user || !canSignIn(user.status)) return;
    const issued = issueOneTimeToken('passwordReset');
    await ctx.db.$transaction([
      ctx.db.authPasswordResetToken.deleteMany({ where: { userId: user.id, used: false } }),
      ctx.db.authPasswordResetToken.create({
        data: { userId: user.id, tokenHash: issued.tokenHash, expiresAt: issued.expiresAt },
      }),
    ]);
    await ctx.flows.mailer.send(
      passwordResetMail(ctx.flows.config.appUrl, user.email, issued.token),
    );
  });
  return true;
};
