import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { limitAddress } from '../../../../rateLimits.ts';
import { runInBackground } from '../../../../mail.ts';
import { passwordResetMail } from '../../../../mailMessages.ts';
import {
  issuedWithinHour,
  issueOneTimeToken,
  lockIssuing,
  MAILS_PER_HOUR,
  SUPERSEDED,
} from '../../../../oneTimeTokens.ts';
import { normalizeEmail } from '../../../../validation.ts';
import { canSignIn } from '../../../../viewer.ts';

export const requestPasswordReset: NonNullable<MutationResolvers['requestPasswordReset']> = async (
  _parent,
  { email },
  ctx,
) => {
  // Counted before the account is looked up, so the limit reveals nothing about it.
  await limitAddress(ctx, 'requestPasswordReset');
  const address = normalizeEmail(email);
  // The answer is the same, and as fast, whether or not the account exists.
  runInBackground(ctx.logger, async () => {
    const user = await ctx.db.authUser.findUnique({ where: { email: address } });
    if (!user || !canSignIn(user.status)) return;
    const issued = await ctx.db.$transaction(async (tx) => {
      await lockIssuing(tx, `password-reset:${user.id}`);
      const recent = await tx.authPasswordResetToken.count({
        where: { userId: user.id, ...issuedWithinHour() },
      });
      if (recent >= MAILS_PER_HOUR) return null;
      const token = issueOneTimeToken('passwordReset');
      await tx.authPasswordResetToken.updateMany({
        where: { userId: user.id, used: false },
        data: SUPERSEDED,
      });
      await tx.authPasswordResetToken.create({
        data: { userId: user.id, tokenHash: token.tokenHash, expiresAt: token.expiresAt },
      });
      return token;
    });
    if (!issued) return;
    await ctx.flows.mailer.send(
      passwordResetMail(ctx.flows.config.appUrl, user.email, issued.token),
    );
  });
  return true;
};
