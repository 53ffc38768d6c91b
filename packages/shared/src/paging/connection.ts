import { encodeCursor, type CursorPosition } from './cursor.ts';
import type { PageRequest } from './pageArgs.ts';

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

/**
 * The Relay connection of a page from its `first + 1` fetched rows, newest first (the extra
 * row only tells hasNextPage). A page after a cursor has a previous page. `positionOf` gives a
 * row's cursor position when it is not the row's own (createdAt, id), e.g. a consultation's
 * date.
 */
export function toConnection<T extends CursorPosition>(
  rows: readonly T[],
  page: Pick<PageRequest, 'first' | 'after'>,
  totalCount: number,
): Connection<T>;
export function toConnection<T>(
  rows: readonly T[],
  page: Pick<PageRequest, 'first' | 'after'>,
  totalCount: number,
  positionOf: (row: T) => CursorPosition,
): Connection<T>;
export function toConnection<T>(
  rows: readonly T[],
  page: Pick<PageRequest, 'first' | 'after'>,
  totalCount: number,
  positionOf?: (row: T) => CursorPosition,
): Connection<T> {
  // Without positionOf, the first overload guarantees rows are positions themselves.
  const position = positionOf ?? ((row: T) => row as CursorPosition);
  const edges = rows
    .slice(0, page.first)
    .map((node) => ({ cursor: encodeCursor(position(node)), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: page.after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
