import type { Context } from '../../context.ts';
import type { AuthUser } from '../../generated/prisma/client.ts';
import { runInBackground } from '../../mail.ts';
import { verificationMail } from '../../mailMessages.ts';
import {
  issuedWithinHour,
  issueOneTimeToken,
  lockIssuing,
  MAILS_PER_HOUR,
  SUPERSEDED,
} from '../../oneTimeTokens.ts';
import { rateLimited } from '@grahvani/shared';

/**
 * Issues a 24-hour verification token for the account's current email (superseding earlier
 * ones) and mails its link. Delivery happens after the caller's response and never fails it;
 * more than MAILS_PER_HOUR requests an hour are RATE_LIMITED.
 * `register` calls this for every new account.
 */
export async function sendVerificationEmail(
  ctx: Pick<Context, 'db' | 'flows' | 'logger'>,
  user: Pick<AuthUser, 'id' | 'email'>,
): Promise<void> {
  const issued = await ctx.db.$transaction(async (tx) => {
    await lockIssuing(tx, `email-verification:${user.id}`);
    const recent = await tx.authEmailVerificationToken.count({
      where: { userId: user.id, ...issuedWithinHour() },
    });
    if (recent >= MAILS_PER_HOUR) {
      throw rateLimited('Too many verification emails; try again later', 3600);
    }
    const token = issueOneTimeToken('emailVerification');
    await tx.authEmailVerificationToken.updateMany({
      where: { userId: user.id, used: false },
      data: SUPERSEDED,
    });
    await tx.authEmailVerificationToken.create({
      data: {
        userId: user.id,
        email: user.email,
        tokenHash: token.tokenHash,
        expiresAt: token.expiresAt,
      },
    });
    return token;
  });
  runInBackground(ctx.logger, () =>
    ctx.flows.mailer.send(verificationMail(ctx.flows.config.appUrl, user.email, issued.token)),
  );
}
