import type { Prisma } from './generated/prisma/client.ts';

/**
 * Ends sessions in the caller's transaction: marks them revoked and blacklists each one
 * (token type SESSION, token_hash = session id) until its last access token has expired, so
 * that every verifier, including a freshly started replica, refuses their access tokens.
 * Returns the ids of the sessions it revoked (already revoked ones are left as they were).
 */
export async function revokeSessions(
  tx: Prisma.TransactionClient,
  where: Prisma.AuthSessionWhereInput,
  reason: string,
  { accessTokenTtlSeconds }: { accessTokenTtlSeconds: number },
): Promise<string[]> {
  const now = new Date();
  const sessions = await tx.authSession.findMany({
    where: { AND: [where, { revokedAt: null }] },
    select: { id: true, userId: true },
  });
  if (sessions.length === 0) return [];
  const ids = sessions.map((s) => s.id);
  await tx.authSession.updateMany({
    where: { id: { in: ids }, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
  await tx.authTokenBlacklist.createMany({
    data: sessions.map((s) => ({
      tokenHash: s.id,
      tokenType: 'SESSION' as const,
      userId: s.userId,
      sessionId: s.id,
      reason,
      expiresAt: new Date(now.getTime() + accessTokenTtlSeconds * 1000),
    })),
    skipDuplicates: true,
  });
  return ids;
}
