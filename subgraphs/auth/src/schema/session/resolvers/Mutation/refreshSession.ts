import { unauthenticated } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import type { Db } from '../../../../db.ts';
import { limitSession } from '../../../../rateLimits.ts';
import { revokeSessionsIn } from '../../../../revocation.ts';
import { hashToken, newOpaqueToken } from '../../../../tokens.ts';

/** The session a refresh token (current or rotated away) belongs to, for its rate limit. */
async function sessionOfRefreshToken(db: Db, tokenHash: string): Promise<string | null> {
  const current = await db.authSession.findUnique({
    where: { refreshTokenHash: tokenHash },
    select: { id: true },
  });
  if (current) return current.id;
  const rotated = await db.authRefreshTokenRotation.findUnique({
    where: { tokenHash },
    select: { sessionId: true },
  });
  return rotated?.sessionId ?? null;
}

export const refreshSession: NonNullable<MutationResolvers['refreshSession']> = async (
  _parent,
  { refreshToken },
  ctx,
) => {
  const presented = hashToken(refreshToken);
  if (ctx.rateLimits.limiter.enabled) {
    const sessionId = await sessionOfRefreshToken(ctx.db, presented);
    if (sessionId) await limitSession(ctx, sessionId);
  }
  const next = newOpaqueToken();
  const now = new Date();
  const result = await ctx.db.$transaction(async (tx) => {
    const session = await tx.authSession.findUnique({
      where: { refreshTokenHash: presented },
      include: { user: true },
    });
    if (!session) {
      // A rotated-away token presented again: someone holds a copy, so end the session.
      const reused = await tx.authRefreshTokenRotation.findUnique({
        where: { tokenHash: presented },
      });
      const owner = reused
        ? await tx.authSession.findUnique({ where: { id: reused.sessionId } })
        : null;
      if (owner) {
        await revokeSessionsIn(
          tx,
          { userId: owner.userId, sessionIds: [owner.id] },
          'refresh_token_reuse',
          ctx.config.accessTokenTtlSeconds,
        );
      }
      return null;
    }
    if (session.revokedAt || session.expiresAt <= now) return null;
    if (session.user.status !== 'ACTIVE' && session.user.status !== 'PENDING_VERIFICATION') {
      return null;
    }
    // Compare-and-swap on the current hash: of two concurrent refreshes only one wins.
    const swapped = await tx.authSession.updateMany({
      where: { id: session.id, refreshTokenHash: presented },
      data: {
        refreshTokenHash: hashToken(next),
        rotationCounter: { increment: 1 },
        lastUsedAt: now,
      },
    });
    if (swapped.count !== 1) return null;
    await tx.authRefreshTokenRotation.create({
      data: { sessionId: session.id, tokenHash: presented },
    });
    return session;
  });
  if (!result) throw unauthenticated('Invalid refresh token');
  const access = await ctx.tokens.signAccessToken({
    userId: result.userId,
    sessionId: result.id,
    role: result.user.role,
    email: result.user.email,
    name: result.user.name,
  });
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: next };
};
