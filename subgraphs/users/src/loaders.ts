import DataLoader from 'dataloader';
import { createRowLoader, isUuid } from '@grahvani/shared';
import type { Db } from './db.ts';
import type { User } from './generated/prisma/client.ts';

/** What is known of an account when its profile is first needed. */
export interface ProfileSeed {
  authUserId: string;
  email?: string | null;
  name?: string | null;
}

/** Fresh DataLoaders for one request. */
export function createLoaders(db: Db) {
  return {
    userById: createRowLoader(
      (ids: readonly string[]) => db.user.findMany({ where: { id: { in: ids.filter(isUuid) } } }),
      (user) => user.id,
    ),
    /**
     * The profile of each account, created on first need. Two statements per batch whatever
     * its size; concurrent first requests create one row (auth_user_id is unique).
     */
    profileByAuthUserId: new DataLoader<ProfileSeed, User | null, string>(
      async (seeds) => {
        const valid = seeds.filter((s) => isUuid(s.authUserId));
        await db.user.createMany({
          data: valid.map((s) => ({ authUserId: s.authUserId, email: s.email, name: s.name })),
          skipDuplicates: true,
        });
        const rows = await db.user.findMany({
          where: { authUserId: { in: valid.map((s) => s.authUserId) } },
        });
        const byAuthUserId = new Map(rows.map((row) => [row.authUserId, row]));
        return seeds.map((s) => byAuthUserId.get(s.authUserId) ?? null);
      },
      { cacheKeyFn: (seed) => seed.authUserId },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
