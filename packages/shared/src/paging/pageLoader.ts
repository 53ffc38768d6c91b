import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { isUuid } from '../loaders.ts';
import { toConnection, type Connection } from './connection.ts';
import { encodeCursor, type CursorPosition } from './cursor.ts';
import { pageArgs, type ConnectionArgs, type PageRequest } from './pageArgs.ts';

/** One page request of a list that hangs off a parent row. */
export interface PageKey extends PageRequest {
  parentId: string;
}

/**
 * The page a connection field under `parentId` asks for, validated by pageArgs. Called in the
 * resolver, so that one field's bad arguments fail that field, not its siblings' batch.
 */
export function pageKey(
  parentId: string,
  args: ConnectionArgs,
  info?: GraphQLResolveInfo,
): PageKey {
  return { parentId, ...pageArgs(args, info) };
}

/** Where a page loader's rows come from. */
export interface PageSource<R> {
  /**
   * The pages of all `parentIds` (up to `first + 1` rows each, in one statement: see
   * batchedPagesSql) and, when `page.withCount`, each parent's total.
   */
  fetch(
    parentIds: string[],
    page: PageRequest,
  ): Promise<{ rows: readonly R[]; counts?: ReadonlyMap<string, number> }>;
  parentOf(row: R): string | null;
  positionOf(row: R): CursorPosition;
}

const groupOf = (key: PageRequest) =>
  `${key.first}|${key.after ? encodeCursor(key.after) : ''}|${key.withCount}`;

/**
 * A per-request loader of pages as connections: sibling fields asking the same page (same
 * `first`, `after` and whether `totalCount` is selected) of different parents cost one fetch
 * together, whatever their number. `totalCount` is the fetched count (0 when not counted).
 */
export function createPageLoader<R>(source: PageSource<R>) {
  const newestFirst = (a: R, b: R) => {
    const [pa, pb] = [source.positionOf(a), source.positionOf(b)];
    const diff = pb.createdAt.getTime() - pa.createdAt.getTime();
    return diff !== 0 ? diff : pa.id < pb.id ? 1 : pa.id > pb.id ? -1 : 0;
  };
  return new DataLoader<PageKey, Connection<R>, string>(
    async (keys) => {
      const groups = new Map<string, PageKey[]>();
      for (const key of keys) {
        const members = groups.get(groupOf(key));
        if (members) members.push(key);
        else groups.set(groupOf(key), [key]);
      }
      const pages = new Map<string, Connection<R>>();
      await Promise.all(
        [...groups.entries()].map(async ([group, members]) => {
          const page = members[0] as PageKey;
          const parentIds = [...new Set(members.map((k) => k.parentId).filter(isUuid))];
          const { rows, counts } =
            parentIds.length > 0 ? await source.fetch(parentIds, page) : { rows: [] };
          const byParent = new Map<string, R[]>(members.map((k) => [k.parentId, []]));
          for (const row of rows) byParent.get(source.parentOf(row) ?? '')?.push(row);
          for (const [parentId, own] of byParent) {
            const connection = toConnection(
              own.sort(newestFirst),
              page,
              counts?.get(parentId) ?? 0,
              source.positionOf,
            );
            pages.set(`${parentId}|${group}`, connection);
          }
        }),
      );
      return keys.map((key) => pages.get(`${key.parentId}|${groupOf(key)}`) as Connection<R>);
    },
    { cacheKeyFn: (key) => `${key.parentId}|${groupOf(key)}` },
  );
}
