import type { AccountSync, Logger } from '@grahvani/shared';
import type { Db } from './db.ts';
import type { Prisma } from './generated/prisma/client.ts';

type Tx = Prisma.TransactionClient;

/**
 * Moves the follower/following counts of everyone linked to `profileIds` by `delta` per follow
 * row: a hidden profile stops counting in the lists it appears in (-1), a restored one counts
 * again (+1). The counts therefore always equal the rows whose other side is visible.
 */
async function adjustLinkedCounts(tx: Tx, profileIds: string[], delta: 1 | -1) {
  await tx.$executeRaw`
    UPDATE app_users.users u SET follower_count = u.follower_count + ${delta}::int * c.n
    FROM (SELECT following_id AS id, count(*)::int AS n FROM app_users.user_followers
          WHERE follower_id = ANY(${profileIds}::uuid[]) GROUP BY following_id) c
    WHERE u.id = c.id`;
  await tx.$executeRaw`
    UPDATE app_users.users u SET following_count = u.following_count + ${delta}::int * c.n
    FROM (SELECT follower_id AS id, count(*)::int AS n FROM app_users.user_followers
          WHERE following_id = ANY(${profileIds}::uuid[]) GROUP BY follower_id) c
    WHERE u.id = c.id`;
}

/**
 * Marks the profiles of these accounts deleted (creating a hidden profile for an account that
 * never had one, so it cannot appear later) or visible again. Only rows whose flag really
 * changes move the counts, so replicas applying the same event concurrently agree.
 */
export function setAccountsDeleted(db: Db, authUserIds: string[], deleted: boolean) {
  if (authUserIds.length === 0) return Promise.resolve();
  return db.$transaction(async (tx) => {
    const now = new Date();
    if (deleted) {
      await tx.user.createMany({
        data: authUserIds.map((authUserId) => ({ authUserId, deletedAt: now })),
        skipDuplicates: true,
      });
    }
    const changed = deleted
      ? await tx.$queryRaw<{ id: string }[]>`
          UPDATE app_users.users SET deleted_at = ${now}
          WHERE auth_user_id = ANY(${authUserIds}::uuid[]) AND deleted_at IS NULL
          RETURNING id::text`
      : await tx.$queryRaw<{ id: string }[]>`
          UPDATE app_users.users SET deleted_at = NULL
          WHERE auth_user_id = ANY(${authUserIds}::uuid[]) AND deleted_at IS NOT NULL
          RETURNING id::text`;
    if (changed.length) {
      await adjustLinkedCounts(
        tx,
        changed.map((row) => row.id),
        deleted ? -1 : 1,
      );
    }
  });
}

/** Which accounts' profiles must be hidden, and which shown again, to match `deletedIds`. */
async function snapshotChanges(db: Db, deletedIds: string[]) {
  const hidden = await db.user.findMany({
    where: { authUserId: { in: deletedIds }, deletedAt: { not: null } },
    select: { authUserId: true },
  });
  const alreadyHidden = new Set(hidden.map((row) => row.authUserId));
  const restored = await db.user.findMany({
    where: { deletedAt: { not: null }, authUserId: { notIn: deletedIds } },
    select: { authUserId: true },
  });
  return {
    hide: deletedIds.filter((id) => !alreadyHidden.has(id)),
    show: restored.map((row) => row.authUserId),
  };
}

// Deadlocks with concurrent follows are possible (rows locked in another order): retry.
async function withRetries(fn: () => Promise<void>, attempts = 3): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts) throw err;
    }
  }
}

/**
 * How the users subgraph follows account deletions: each announced change flips the profile's
 * `deleted_at` (persisted, so it survives restarts), and every snapshot (at start and after a
 * lost LISTEN connection) reconciles all profiles with the auth service's set of DELETED
 * accounts, so a change announced while no replica listened is applied too.
 */
export function createAccountSync(db: Db, logger: Logger): AccountSync {
  return {
    async snapshot(deletedIds) {
      const { hide, show } = await snapshotChanges(db, deletedIds);
      await withRetries(() => setAccountsDeleted(db, hide, true));
      await withRetries(() => setAccountsDeleted(db, show, false));
      if (hide.length || show.length) {
        logger.info({ hidden: hide.length, shown: show.length }, 'deleted accounts reconciled');
      }
    },
    event: ({ userId, deleted }) => withRetries(() => setAccountsDeleted(db, [userId], deleted)),
  };
}
