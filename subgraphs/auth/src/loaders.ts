import { createGroupLoader, createRowLoader, isUuid } from '@grahvani/shared';
import type { Db } from './db.ts';

/** Fresh DataLoaders for one request. */
export function createLoaders(db: Db) {
  return {
    authUser: createRowLoader(
      (ids: readonly string[]) =>
        db.authUser.findMany({ where: { id: { in: ids.filter(isUuid) } } }),
      (user) => user.id,
    ),
    /** Unrevoked, unexpired sessions by user id, newest first. */
    activeSessions: createGroupLoader(
      (userIds: readonly string[]) =>
        db.authSession.findMany({
          where: {
            userId: { in: userIds.filter(isUuid) },
            revokedAt: null,
            expiresAt: { gt: new Date() },
          },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
      (session) => session.userId,
    ),
    oauthAccountsByUser: createGroupLoader(
      (userIds: readonly string[]) =>
        db.authOAuthAccount.findMany({
          where: { userId: { in: userIds.filter(isUuid) } },
          orderBy: { createdAt: 'asc' },
        }),
      (account) => account.userId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
