import { createRowLoader, isUuid } from '@grahvani/shared';
import type { Db } from './db.ts';

/** Fresh DataLoaders for one request. */
export function createLoaders(db: Db) {
  return {
    authUser: createRowLoader(
      (ids: readonly string[]) =>
        db.authUser.findMany({ where: { id: { in: ids.filter(isUuid) } } }),
      (user) => user.id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
