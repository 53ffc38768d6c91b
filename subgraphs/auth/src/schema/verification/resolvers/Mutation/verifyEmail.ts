import { badInput } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { limitFailedAttempts } from '../../../../rateLimits.ts';
import { consumeArgs, isConsumable } from '../../../../oneTimeTokens.ts';
import { revokeSessionsIn } from '../../../../revocation.ts';
import { hashToken } from '../../../../tokens.ts';

const invalidToken = () => badInput('Invalid or expired verification token', 'token');

export const verifyEmail: NonNullable<MutationResolvers['verifyEmail']> = (
  _parent,
  { token },
  ctx,
) =>
  // Guessing mailed secrets: failed attempts per address are limited.
  limitFailedAttempts(ctx, 'verifyEmail', async () => {
    const now = new Date();
    const row = await ctx.db.authEmailVerificationToken.findUnique({
      where: { tokenHash: hashToken(token) },
      include: { user: true },
    });
    // A token proves control of the address it was sent to, not of a later one.
    if (!isConsumable(row, now) || row.email !== row.user.email) throw invalidToken();
    const verified = await ctx.db.$transaction(async (tx) => {
      const consumed = await tx.authEmailVerificationToken.updateMany(consumeArgs(row.id, now));
      if (consumed.count !== 1) throw invalidToken();
      // Conditional, so that a suspension that happened meanwhile is not undone.
      await tx.authUser.updateMany({
        where: { id: row.userId, status: 'PENDING_VERIFICATION' },
        data: { status: 'ACTIVE' },
      });
      // Account pre-hijacking: whoever registered the address before its owner proved control of
      // it may still hold a session. Proof of the mailbox ends every session but the caller's own
      // (when the caller is signed in to this account), through the revocation path, so their
      // access tokens are refused within a second everywhere.
      const own = ctx.identity?.userId === row.userId ? ctx.identity.sessionId : undefined;
      await revokeSessionsIn(
        tx,
        { userId: row.userId, exceptSessionId: own },
        'email_verified',
        ctx.config.accessTokenTtlSeconds,
      );
      return tx.authUser.update({
        where: { id: row.userId },
        data: { emailVerified: true, emailVerifiedAt: now },
      });
    });
    // The link proves control of the account's mailbox: the answer may show the account its
    // own status (no role: it grants nothing beyond the account's own fields).
    ctx.signedIn = { userId: row.userId, role: null };
    return verified;
  });
