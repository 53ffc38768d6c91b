import DataLoader from 'dataloader';
import { createGroupLoader, createRowLoader, isUuid } from '@grahvani/shared';
import { createClientPages } from './clientPages.ts';
import type { Tx } from './db.ts';
import { familyViewsOf } from './family.ts';
import type { ClientActivityLog, ClientConsultation } from './generated/prisma/client.ts';
import type { FamilyLinkView } from './mappers.ts';
import type { TenantReads } from './tenantReads.ts';

/** groupBy counts by client as a map. */
function countsOf(groups: { clientId: string | null; _count: { _all: number } }[]) {
  return new Map(groups.map((g) => [g.clientId ?? '', g._count._all]));
}

const newestFirst = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

/**
 * Fresh DataLoaders for one request, scoped (resolvers and row-level security) to the viewer.
 * Their batches run in the request's tenant transaction (`reads`), not one each.
 */
export function createLoaders(reads: TenantReads, tenantId: string | null) {
  /** One query per batch, under the viewer's tenant; nothing for anonymous. */
  const scoped = <T>(fn: (tx: Tx, tenantId: string) => Promise<T[]>) =>
    tenantId ? reads(tenantId, (tx) => fn(tx, tenantId)) : Promise.resolve([]);
  const scopedOrNull = <T>(fn: (tx: Tx, tenantId: string) => Promise<T>) =>
    tenantId ? reads(tenantId, (tx) => fn(tx, tenantId)) : Promise.resolve(null);
  const uuids = (ids: readonly string[]) => ids.filter(isUuid);
  const childrenOf = (ids: readonly string[], tenant: string) => ({
    tenantId: tenant,
    clientId: { in: uuids(ids) },
  });

  return {
    /** The viewer's live clients by id; other tenants' and deleted clients load as null. */
    clientById: createRowLoader(
      (ids: readonly string[]) =>
        scoped((tx, tenant) =>
          tx.client.findMany({
            where: { tenantId: tenant, deletedAt: null, id: { in: uuids(ids) } },
          }),
        ),
      (client) => client.id,
    ),
    /** Both directions of every link of each client, as that client sees them. */
    familyLinksByClient: new DataLoader<string, FamilyLinkView[]>(async (ids) => {
      const rows = await scoped((tx, tenant) =>
        tx.clientFamilyLink.findMany({
          where: {
            tenantId: tenant,
            OR: [{ clientId: { in: uuids(ids) } }, { relatedClientId: { in: uuids(ids) } }],
            client: { deletedAt: null },
            relatedClient: { deletedAt: null },
          },
          orderBy: { createdAt: 'asc' },
        }),
      );
      return ids.map((id) => rows.flatMap((row) => familyViewsOf(row, id)));
    }),
    /** Pages of consultations, latest `date` first. */
    consultationPages: createClientPages(scopedOrNull, {
      table: 'client_consultations',
      position: 'date',
      positionOf: (row: ClientConsultation) => row.date,
      clientOf: (row) => row.clientId,
      byIds: (tx, tenant, ids) =>
        tx.clientConsultation.findMany({ where: { tenantId: tenant, id: { in: ids } } }),
      countByClient: async (tx, tenant, ids) => {
        const groups = await tx.clientConsultation.groupBy({
          by: ['clientId'],
          where: { tenantId: tenant, clientId: { in: ids } },
          _count: { _all: true },
        });
        return countsOf(groups);
      },
    }),
    savedChartsByClient: createGroupLoader(
      (ids: readonly string[]) =>
        scoped((tx, tenant) =>
          tx.clientSavedChart.findMany({ where: childrenOf(ids, tenant), orderBy: newestFirst }),
        ),
      (row) => row.clientId,
    ),
    notesByClient: createGroupLoader(
      (ids: readonly string[]) =>
        scoped((tx, tenant) =>
          tx.clientNote.findMany({ where: childrenOf(ids, tenant), orderBy: newestFirst }),
        ),
      (row) => row.clientId,
    ),
    remediesByClient: createGroupLoader(
      (ids: readonly string[]) =>
        scoped((tx, tenant) =>
          tx.clientRemedy.findMany({ where: childrenOf(ids, tenant), orderBy: newestFirst }),
        ),
      (row) => row.clientId,
    ),
    /** Pages of activity, newest first. */
    activityPages: createClientPages(scopedOrNull, {
      table: 'client_activity_logs',
      position: 'created_at',
      positionOf: (row: ClientActivityLog) => row.createdAt,
      clientOf: (row) => row.clientId,
      byIds: (tx, tenant, ids) =>
        tx.clientActivityLog.findMany({ where: { tenantId: tenant, id: { in: ids } } }),
      countByClient: async (tx, tenant, ids) => {
        const groups = await tx.clientActivityLog.groupBy({
          by: ['clientId'],
          where: { tenantId: tenant, clientId: { in: ids } },
          _count: { _all: true },
        });
        return countsOf(groups);
      },
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
