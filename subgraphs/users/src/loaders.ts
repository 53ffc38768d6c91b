import DataLoader from 'dataloader';
import {
  createGroupLoader,
  createPageLoader,
  createRowLoader,
  isUuid,
  type Identity,
} from '@grahvani/shared';
import type { Db } from './db.ts';
import type { User } from './generated/prisma/client.ts';
import { loadProfiles } from './profiles.ts';
import { activityPages, followPages } from './userPages.ts';

/** Fresh DataLoaders for one request; `viewer` is the verified caller (see loadProfiles). */
export function createLoaders(db: Db, viewer: Identity | null) {
  return {
    userById: createRowLoader(
      (ids: readonly string[]) => db.user.findMany({ where: { id: { in: ids.filter(isUuid) } } }),
      (user) => user.id,
    ),
    /** The profile of each account (by AuthUser id), created on first need (see loadProfiles). */
    profileByAuthUserId: new DataLoader<string, User | null>((authUserIds) =>
      loadProfiles(db, authUserIds, viewer),
    ),
    preferencesByUserId: createRowLoader(
      (ids: readonly string[]) =>
        db.userPreferences.findMany({ where: { userId: { in: [...ids] } } }),
      (row) => row.userId,
    ),
    /** Addresses per user: the default first, then oldest first. */
    addressesByUserId: createGroupLoader(
      (ids: readonly string[]) =>
        db.userAddress.findMany({
          where: { userId: { in: [...ids] } },
          orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
        }),
      (row) => row.userId,
    ),
    followersPage: createPageLoader(followPages(db, 'followers')),
    followingPage: createPageLoader(followPages(db, 'following')),
    activityPage: createPageLoader(activityPages(db)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
