import {
  LISTEN_APPLICATION_NAME,
  REVOCATION_CHANNEL,
  createRevocationSource,
  encodeAccountEvent,
  encodeRevocation,
  listenTransport,
  type Logger,
  type Revocation,
  type RevocationSnapshot,
  type RevocationSource,
} from '@grahvani/shared';
import type { Db } from './db.ts';
import type { Prisma } from './generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

/** Which sessions to end: one user's (all, some, or all but one). */
export interface RevokeTarget {
  userId: string;
  sessionIds?: string[];
  exceptSessionId?: string;
}

// Access tokens issued just before the revocation live at most one TTL; a minute of margin
// covers clock skew between replicas.
const CLOCK_SKEW_MS = 60_000;

/**
 * Ends sessions inside the caller's transaction: marks them revoked (no more refreshes),
 * writes auth_token_blacklist SESSION rows kept until their access tokens expire, and
 * NOTIFYs every verifier (delivered at commit, so a rolled-back revocation announces nothing).
 * Returns the number of sessions revoked.
 */
export async function revokeSessionsIn(
  tx: Tx,
  target: RevokeTarget,
  reason: string,
  accessTokenTtlSeconds: number,
): Promise<number> {
  const now = new Date();
  const sessions = await tx.authSession.findMany({
    where: {
      userId: target.userId,
      revokedAt: null,
      id: {
        ...(target.sessionIds ? { in: target.sessionIds } : {}),
        ...(target.exceptSessionId ? { not: target.exceptSessionId } : {}),
      },
    },
    select: { id: true },
  });
  if (sessions.length === 0) return 0;
  const ids = sessions.map((s) => s.id);
  const expiresAt = new Date(now.getTime() + accessTokenTtlSeconds * 1000 + CLOCK_SKEW_MS);
  await tx.authSession.updateMany({
    where: { id: { in: ids }, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
  await tx.authTokenBlacklist.createMany({
    data: ids.map((id) => ({
      revokedSessionId: id,
      tokenType: 'SESSION' as const,
      userId: target.userId,
      sessionId: id,
      reason,
      expiresAt,
    })),
    skipDuplicates: true,
  });
  const payloads = ids.map((sessionId) =>
    encodeRevocation({ sessionId, expiresAt: expiresAt.getTime() }),
  );
  await tx.$executeRaw`SELECT pg_notify(${REVOCATION_CHANNEL}, p) FROM unnest(${payloads}::text[]) AS p`;
  // Rows past their use are dropped here rather than by a scheduler.
  await tx.authTokenBlacklist.deleteMany({ where: { expiresAt: { lt: now } } });
  return ids.length;
}

/** `revokeSessionsIn` in its own transaction. */
export function revokeSessions(
  db: Db,
  target: RevokeTarget,
  reason: string,
  accessTokenTtlSeconds: number,
): Promise<number> {
  return db.$transaction((tx) => revokeSessionsIn(tx, target, reason, accessTokenTtlSeconds));
}

/**
 * Announces, inside the caller's transaction (delivered at commit), that an account became
 * DELETED or left DELETED, on the revocation channel: the users subgraph hides or shows its
 * profile. Starting services learn the current set from GET /revocations (`deletedAccounts`).
 */
export async function announceAccountChange(
  tx: Tx,
  userId: string,
  deleted: boolean,
): Promise<void> {
  const payload = encodeAccountEvent({ userId, deleted });
  await tx.$executeRaw`SELECT pg_notify(${REVOCATION_CHANNEL}, ${payload})`;
}

/** Ids of every DELETED account (the users subgraph keeps their profiles hidden). */
export async function loadDeletedAccounts(db: Db): Promise<string[]> {
  const rows = await db.authUser.findMany({ where: { status: 'DELETED' }, select: { id: true } });
  return rows.map((row) => row.id);
}

/** Current session revocations, from auth_token_blacklist. */
export async function loadRevocations(db: Db): Promise<Revocation[]> {
  const rows = await db.authTokenBlacklist.findMany({
    where: { tokenType: 'SESSION', expiresAt: { gt: new Date() } },
    select: { revokedSessionId: true, expiresAt: true },
  });
  return rows.map((row) => ({
    sessionId: row.revokedSessionId,
    expiresAt: row.expiresAt.getTime(),
  }));
}

/** The complete picture for starting verifiers: revocations and deleted accounts. */
export async function loadSnapshot(db: Db): Promise<Required<RevocationSnapshot>> {
  const [revocations, deletedAccounts] = await Promise.all([
    loadRevocations(db),
    loadDeletedAccounts(db),
  ]);
  return { revocations, deletedAccounts };
}

/** The auth service's own revocation source: LISTEN on its database plus the table's snapshot. */
export function createAuthRevocationSource(
  db: Db,
  directDatabaseUrl: string,
  logger: Logger,
): RevocationSource {
  return createRevocationSource({
    logger,
    transport: listenTransport(directDatabaseUrl, LISTEN_APPLICATION_NAME),
    snapshot: async () => ({ revocations: await loadRevocations(db) }),
  });
}
