import {
  REVOCATION_CHANNEL,
  createRevocationList,
  encodeAccountEvent,
  encodeRevocation,
  type Logger,
  type Revocation,
  type RevocationList,
} from '@grahvani/shared';
import type express from 'express';
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
      tokenHash: id,
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
    select: { tokenHash: true, expiresAt: true },
  });
  return rows.map((row) => ({ sessionId: row.tokenHash, expiresAt: row.expiresAt.getTime() }));
}

/** The auth service's own revocation list: LISTEN on its database plus the table's snapshot. */
export function createAuthRevocationList(
  db: Db,
  databaseUrl: string,
  logger: Logger,
): RevocationList {
  return createRevocationList({
    logger,
    listenUrl: databaseUrl,
    snapshot: () => loadRevocations(db),
  });
}

const HEARTBEAT_MS = 15_000;

/**
 * GET /revocations (JSON snapshot from the table, for replicas starting up) and
 * GET /revocations/stream (server-sent events: every current revocation, `ready`, then each
 * new one), for verifiers that have no database connection of their own (the gateway).
 */
export function revocationRoutes(
  app: express.Express,
  db: Db,
  list: RevocationList,
): { endStreams(): void } {
  const open = new Set<express.Response>();
  app.get('/revocations', async (_req, res) => {
    const [revocations, deletedAccounts] = await Promise.all([
      loadRevocations(db),
      loadDeletedAccounts(db),
    ]);
    res.set('Cache-Control', 'no-store').json({
      revocations: revocations.map((r) => ({
        sessionId: r.sessionId,
        expiresAt: new Date(r.expiresAt).toISOString(),
      })),
      deletedAccounts,
    });
  });
  app.get('/revocations/stream', (req, res) => {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    const send = (revocation: Revocation) => res.write(`data: ${encodeRevocation(revocation)}\n\n`);
    // Subscribe before sending the snapshot so nothing falls in between (duplicates are harmless).
    const unsubscribe = list.subscribe(send);
    for (const revocation of list.entries()) send(revocation);
    res.write('event: ready\ndata: \n\n');
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    open.add(res);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(res);
    });
  });
  // Streams never end by themselves; a stopping server ends them so it can close at once.
  return { endStreams: () => open.forEach((res) => res.end()) };
}
