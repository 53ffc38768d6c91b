import DataLoader from 'dataloader';
import {
  encodeCursor,
  isUuid,
  pageArgs,
  type Connection,
  type CursorPosition,
} from '@grahvani/shared';
import type { Tx } from './db.ts';
import { Prisma } from './generated/prisma/client.ts';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** A list child of clients that is served in pages (consultations, activity). */
export interface PagedChild<T> {
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
 * The ids of one page per client in a single statement: a LATERAL subquery takes the first
 * `limit` rows of each client after the cursor, through the (tenant, client, position, id)
 * index, however many rows a client has.
 */
async function pageIds<T>(
  tx: Tx,
  child: PagedChild<T>,
  tenantId: string,
  clientIds: string[],
  limit: number,
  after: CursorPosition | undefined,
): Promise<string[]> {
  const table = Prisma.raw(`app_clients.${child.table}`);
  const position = Prisma.raw(`t.${child.position}`);
  const cursor = after
    ? Prisma.sql`AND (${position}, t.id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
    : Prisma.empty;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT p.id::text AS id
      FROM unnest(${clientIds}::uuid[]) AS k(client_id)
      CROSS JOIN LATERAL (
        SELECT t.id FROM ${table} t
         WHERE t.tenant_id = ${tenantId}::uuid AND t.client_id = k.client_id ${cursor}
         ORDER BY ${position} DESC, t.id DESC
         LIMIT ${limit}
      ) p`;
  return rows.map((row) => row.id);
}

/**
 * Per-request loaders of client pages: one loader per (first, after, withCount), so the page of
 * every client asked for in a request costs three statements in all (ids, rows, counts), and
 * two when no one selects `totalCount` (counting a long history is then skipped).
 */
export function createPageLoaders<T extends { id: string }>(scoped: Scoped, child: PagedChild<T>) {
  const loaders = new Map<string, DataLoader<string, Connection<T>>>();
  return (args: PageArgs, withCount: boolean): DataLoader<string, Connection<T>> => {
    const { first, after } = pageArgs(args);
    const key = `${first}|${args.after ?? ''}|${withCount}`;
    const existing = loaders.get(key);
    if (existing) return existing;
    const loader = new DataLoader<string, Connection<T>>(async (keys) => {
      const clientIds = keys.filter(isUuid);
      const loaded =
        clientIds.length === 0
          ? null
          : await scoped(async (tx, tenantId) => {
              const ids = await pageIds(tx, child, tenantId, clientIds, first + 1, after);
              return {
                rows: await child.byIds(tx, tenantId, ids),
                counts: withCount
                  ? await child.countByClient(tx, tenantId, clientIds)
                  : new Map<string, number>(),
              };
            });
      return keys.map((clientId) => {
        const rows = (loaded?.rows ?? [])
          .filter((row) => child.clientOf(row) === clientId)
          .sort((a, b) => {
            const diff = child.positionOf(b).getTime() - child.positionOf(a).getTime();
            return diff !== 0 ? diff : a.id < b.id ? 1 : -1;
          });
        const page = rows.slice(0, first);
        const edges = page.map((node) => ({
          cursor: encodeCursor({ createdAt: child.positionOf(node), id: node.id }),
          node,
        }));
        return {
          totalCount: loaded?.counts.get(clientId) ?? 0,
          edges,
          pageInfo: {
            hasNextPage: rows.length > first,
            hasPreviousPage: Boolean(after),
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges.at(-1)?.cursor ?? null,
          },
        };
      });
    });
    loaders.set(key, loader);
    return loader;
  };
}
