import { encodeCursor, pageArgs, type Connection, type CursorPosition } from '@grahvani/shared';

/**
 * A Relay page of rows already loaded (through a per-request loader) in (position desc, id
 * desc) order: a client's consultations or activity, which a loader fetches for many clients
 * in one query.
 */
export function pageOf<T extends { id: string }>(
  rows: readonly T[],
  args: { first?: number | null; after?: string | null },
  positionOf: (row: T) => Date,
): Connection<T> {
  const { first, after } = pageArgs(args);
  const isAfter = (row: T, cursor: CursorPosition) => {
    const at = positionOf(row).getTime();
    const pivot = cursor.createdAt.getTime();
    return at < pivot || (at === pivot && row.id < cursor.id);
  };
  const rest = after ? rows.filter((row) => isAfter(row, after)) : rows;
  const page = rest.slice(0, first);
  const edges = page.map((node) => ({
    cursor: encodeCursor({ createdAt: positionOf(node), id: node.id }),
    node,
  }));
  return {
    totalCount: rows.length,
    edges,
    pageInfo: {
      hasNextPage: rest.length > first,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
