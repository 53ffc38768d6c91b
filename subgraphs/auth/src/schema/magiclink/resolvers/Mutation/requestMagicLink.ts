import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { limitAddress } from '../../../../rateLimits.ts';
import { runInBackground } from '../../../../mail.ts';
import { magicLinkMail } from '../../../../mailMessages.ts';
import {
  issuedWithinHour,
  issueOneTimeToken,
  lockIssuing,
  MAILS_PER_HOUR,
  SUPERSEDED,
} from '../../../../oneTimeTokens.ts';
import { normalizeEmail } from '../../../../validation.ts';

export const requestMagicLink: NonNullable<MutationResolvers['requestMagicLink']> = async (
  _parent,
  { email },
  ctx,
) => {
  // Counted before the account is looked up, so the limit reveals nothing about it.
  await limitAddress(ctx, 'requestMagicLink');
  const address = normalizeEmail(email);
  const ipAddress = ctx.ip;
  // The answer is the same, and as fast, whether or not the account exists.
  runInBackground(ctx.logger, async () => {
    const user = await ctx.db.authUser.findUnique({ where: { email: address } });
    if (user?.status !== 'ACTIVE') return;
    const issued = await ctx.db.$transaction(async (tx) => {
      await lockIssuing(tx, `magic-link:${user.id}`);
      const recent = await tx.authMagicLinkToken.count({
        where: { userId: user.id, ...issuedWithinHour() },
      });
      if (recent >= MAILS_PER_HOUR) return null;
      const token = issueOneTimeToken('magicLink');
      await tx.authMagicLinkToken.updateMany({
        where: { userId: user.id, used: false },
        data: SUPERSEDED,
      });
      await tx.authMagicLinkToken.create({
        data: {
          userId: user.id,
          email: user.email,
          tokenHash: token.tokenHash,
          expiresAt: token.expiresAt,
          ipAddress,
        },
      });
      return token;
    });
    if (!issued) return;
    await ctx.flows.mailer.send(magicLinkMail(ctx.flows.config.appUrl, user.email, issued.token));
  });
  return true;
};
