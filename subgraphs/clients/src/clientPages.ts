import { batchedPagesSql, createPageLoader } from '@grahvani/shared';
import type { Tx } from './db.ts';
import { Prisma } from './generated/prisma/client.ts';

/** A list child of clients that is served in pages (consultations, activity). */
export interface PagedChild<T extends { id: string }> {
  /** Table and position column (constants, never input), newest position first. */
  table: 'client_consultations' | 'client_activity_logs';
  position: 'date' | 'created_at';
  positionOf(row: T): Date;
  clientOf(row: T): string | null;
  byIds(tx: Tx, tenantId: string, ids: string[]): Promise<T[]>;
  countByClient(tx: Tx, tenantId: string, clientIds: string[]): Promise<Map<string, number>>;
}

type Scoped = <R>(fn: (tx: Tx, tenantId: string) => Promise<R>) => Promise<R | null>;

/**
 * A per-request loader of client pages (the shared page loader): for every client asked with
 * the same page, one tenant transaction of two statements (the page ids of all clients through
 * the (tenant, client, position, id) index, then their rows), three when `totalCount` is
 * selected (the counts by client); nothing for an anonymous viewer.
 */
export function createClientPages<T extends { id: string }>(scoped: Scoped, child: PagedChild<T>) {
  const list = {
    from: Prisma.raw(`app_clients.${child.table} t`),
    parent: 'client_id',
    position: child.position,
    columns: Prisma.sql`t.id::text AS id`,
  };
  return createPageLoader<T>({
    parentOf: (row) => child.clientOf(row),
    positionOf: (row) => ({ createdAt: child.positionOf(row), id: row.id }),
    fetch: async (clientIds, page) =>
      (await scoped(async (tx, tenantId) => {
        const where = Prisma.sql`AND t.tenant_id = ${tenantId}::uuid`;
        const ids = await tx.$queryRaw<{ id: string }[]>(
          batchedPagesSql({ ...list, where }, clientIds, page),
        );
        return {
          rows: await child.byIds(
            tx,
            tenantId,
            ids.map((row) => row.id),
          ),
          counts: page.withCount ? await child.countByClient(tx, tenantId, clientIds) : undefined,
        };
      })) ?? { rows: [] },
  });
}
