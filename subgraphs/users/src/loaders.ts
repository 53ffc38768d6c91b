import DataLoader from 'dataloader';
import { createGroupLoader, createRowLoader, isUuid } from '@grahvani/shared';
import type { Db } from './db.ts';
import type { User } from './generated/prisma/client.ts';
import { activityPages, followPages } from './pageQueries.ts';
import { createPageLoader } from './pages.ts';
import { loadProfiles, type ProfileSeed } from './profiles.ts';

export type { ProfileSeed } from './profiles.ts';

/** Fresh DataLoaders for one request. */
export function createLoaders(db: Db) {
  return {
    userById: createRowLoader(
      (ids: readonly string[]) => db.user.findMany({ where: { id: { in: ids.filter(isUuid) } } }),
      (user) => user.id,
    ),
    /** The profile of each account, created on first need (see loadProfiles). */
    profileByAuthUserId: new DataLoader<ProfileSeed, User | null, string>(
      (seeds) => loadProfiles(db, seeds),
      { cacheKeyFn: (seed) => seed.authUserId },
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
