import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { runInBackground } from '../../../../mail.ts';
import { magicLinkMail } from '../../../../mailMessages.ts';
import { issueOneTimeToken } from '../../../../oneTimeTokens.ts';
import { normalizeEmail } from '../../../../validation.ts';

export const requestMagicLink: NonNullable<MutationResolvers['requestMagicLink']> = (
  _parent,
  { email },
  ctx,
) => {
  const address = normalizeEmail(email);
  const ipAddress = ctx.ip;
  // The answer is the same, and as fast, whether or not the account exists.
  runInBackground(ctx.logger, async () => {
    const user = await ctx.db.authUser.findUnique({ where: { email: address } });
    if (user?.status !== 'ACTIVE') return;
    const issued = issueOneTimeToken('magicLink');
    await ctx.db.$transaction([
      ctx.db.authMagicLinkToken.deleteMany({ where: { userId: user.id, used: false } }),
      ctx.db.authMagicLinkToken.create({
        data: {
          userId: user.id,
          email: user.email,
          tokenHash: issued.tokenHash,
          expiresAt: issued.expiresAt,
          ipAddress,
        },
      }),
    ]);
    await ctx.flows.mailer.send(magicLinkMail(ctx.flows.config.appUrl, user.email, issued.token));
  });
  return true;
};
