// Cursor paging: opaque cursors round-trip, bad ones and bad page sizes are BAD_USER_INPUT,
// and a connection is built from `first + 1` rows.
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  afterCursorWhere,
  decodeCursor,
  encodeCursor,
  MAX_PAGE_SIZE,
  pageArgs,
  toConnection,
} from '../src/connection.ts';

const at = (iso: string, id: string) => ({ createdAt: new Date(iso), id });

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    if (err instanceof GraphQLError) return [err.extensions.code, err.extensions.field];
    throw err;
  }
  return 'no error';
}

describe('cursors', () => {
  it('round-trip a row position', () => {
    const position = at('2026-01-02T03:04:05.678Z', 'b6f1');
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    '',
    'not-base64!',
    Buffer.from('[1]').toString('base64url'),
    Buffer.from('["x","y"]').toString('base64url'),
    Buffer.from('["2026-01-01",5]').toString('base64url'),
  ])('refuse %j as BAD_USER_INPUT on after', (cursor) => {
    expect(codeOf(() => decodeCursor(cursor))).toEqual(['BAD_USER_INPUT', 'after']);
  });
});

describe('pageArgs', () => {
  it('defaults first to 20 and decodes after', () => {
    const cursor = encodeCursor(at('2026-01-01T00:00:00.000Z', 'a'));
    expect(pageArgs({})).toEqual({ first: 20, after: undefined });
    expect(pageArgs({ first: 5, after: cursor }).after?.id).toBe('a');
  });

  it.each([-1, MAX_PAGE_SIZE + 1, 2.5])('refuses first = %d', (first) => {
    expect(codeOf(() => pageArgs({ first }))).toEqual(['BAD_USER_INPUT', 'first']);
  });

  it('accepts the bounds', () => {
    expect(pageArgs({ first: 0 }).first).toBe(0);
    expect(pageArgs({ first: MAX_PAGE_SIZE }).first).toBe(MAX_PAGE_SIZE);
  });
});

describe('afterCursorWhere', () => {
  it('selects rows strictly after the cursor in (createdAt desc, id desc) order', () => {
    const cursor = at('2026-01-01T00:00:00.000Z', 'm');
    expect(afterCursorWhere(undefined)).toEqual({});
    expect(afterCursorWhere(cursor)).toEqual({
      // The redundant bound lets PostgreSQL start a deep page's index scan at the cursor.
      createdAt: { lte: cursor.createdAt },
      OR: [
        { createdAt: { lt: cursor.createdAt } },
        { createdAt: cursor.createdAt, id: { lt: 'm' } },
      ],
    });
  });
});

describe('toConnection', () => {
  const rows = [
    at('2026-01-03T00:00:00Z', 'c'),
    at('2026-01-02T00:00:00Z', 'b'),
    at('2026-01-01T00:00:00Z', 'a'),
  ];

  it('reports a next page when it got the extra row, and cursors of the page ends', () => {
    const page = toConnection(rows, 2, 3);
    expect(page.edges.map((e) => e.node.id)).toEqual(['c', 'b']);
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor(rows[0]!),
      endCursor: encodeCursor(rows[1]!),
    });
    expect(page.totalCount).toBe(3);
  });

  it('has no next page and null cursors when empty', () => {
    const page = toConnection([], 20, 0, true);
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });
});
