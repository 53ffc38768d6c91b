import type { Context } from '../../context.ts';
import type { AuthUser } from '../../generated/prisma/client.ts';
import { runInBackground } from '../../mail.ts';
import { verificationMail } from '../../mailMessages.ts';
import { issueOneTimeToken } from '../../oneTimeTokens.ts';

/**
 * Issues a 24-hour verification token for the account's current email (superseding earlier
 * ones) and mails its link. Delivery happens after the caller's response and never fails it.
 * `register` calls this for every new account.
 */
export async function sendVerificationEmail(
  ctx: Pick<Context, 'db' | 'flows' | 'logger'>,
  user: Pick<AuthUser, 'id' | 'email'>,
): Promise<void> {
  const issued = issueOneTimeToken('emailVerification');
  await ctx.db.$transaction([
    ctx.db.authEmailVerificationToken.deleteMany({ where: { userId: user.id, used: false } }),
    ctx.db.authEmailVerificationToken.create({
      data: {
        userId: user.id,
        email: user.email,
        tokenHash: issued.tokenHash,
        expiresAt: issued.expiresAt,
      },
    }),
  ]);
  runInBackground(ctx.logger, () =>
    ctx.flows.mailer.send(verificationMail(ctx.flows.config.appUrl, user.email, issued.token)),
  );
}
