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
