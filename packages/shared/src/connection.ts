import { badInput } from './errors.ts';

/** Largest page a connection field serves. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** Position of a row in a (createdAt desc, id desc) ordering. */
export interface CursorPosition {
  createdAt: Date;
  id: string;
}

/** Opaque cursor: base64url of the row's sort key; clients must not parse it. */
export function encodeCursor({ createdAt, id }: CursorPosition): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [createdAt, id] = value as unknown[];
      const date = new Date(String(createdAt));
      if (typeof id === 'string' && !Number.isNaN(date.getTime())) return { createdAt: date, id };
    }
  } catch {
    // fall through to the error below
  }
  throw badInput('Invalid cursor', 'after');
}

/** Validates `first` (1..100, default 20) and decodes `after`. */
export function pageArgs(args: { first?: number | null; after?: string | null }) {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
  }
  return { first, after: args.after ? decodeCursor(args.after) : undefined };
}

/**
 * Prisma `where` fragment selecting rows after `cursor` in (createdAt desc, id desc) order.
 * The `lte` bound is implied by the OR, but spelled out it becomes an index condition: a deep
 * page starts its (…, created_at DESC, id DESC) index scan at the cursor instead of reading
 * and filtering every row of the pages before it.
 */
export function afterCursorWhere(cursor: CursorPosition | undefined) {
  if (!cursor) return {};
  return {
    createdAt: { lte: cursor.createdAt },
    OR: [
      { createdAt: { lt: cursor.createdAt } },
      { createdAt: cursor.createdAt, id: { lt: cursor.id } },
    ],
  };
}

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

/** Builds a connection from `first + 1` fetched rows (the extra one tells hasNextPage). */
export function toConnection<T extends CursorPosition>(
  rows: T[],
  first: number,
  totalCount: number,
  hasPrevious = false,
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(node), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
