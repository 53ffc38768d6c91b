import { createRowLoader, isUuid } from '@grahvani/shared';
import type { Db } from './db.ts';

/** Fresh DataLoaders for one request, scoped to the viewer's tenant. */
export function createLoaders(db: Db, tenantId: string | null) {
  return {
    /** The viewer's live clients by id; other tenants' and deleted clients load as null. */
    clientById: createRowLoader(
      (ids: readonly string[]) =>
        tenantId
          ? db.client.findMany({
              where: { tenantId, deletedAt: null, id: { in: ids.filter(isUuid) } },
            })
          : Promise.resolve([]),
      (client) => client.id,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
