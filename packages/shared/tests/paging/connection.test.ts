// toConnection: a Relay connection from `first + 1` fetched rows, with cursors of the rows'
// own positions or of the position a list is ordered by.
import { describe, expect, it } from 'vitest';
import { toConnection } from '../../src/paging/connection.ts';
import { decodeCursor, encodeCursor } from '../../src/paging/cursor.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const at = (iso: string, n: number) => ({ createdAt: new Date(iso), id: uuid(n) });

describe('toConnection', () => {
  const rows = [
    at('2026-01-03T00:00:00Z', 3),
    at('2026-01-02T00:00:00Z', 2),
    at('2026-01-01T00:00:00Z', 1),
  ];

  it('reports a next page when it got the extra row, and cursors of the page ends', () => {
    const page = toConnection(rows, { first: 2 }, 3);
    expect(page.edges.map((e) => e.node.id)).toEqual([uuid(3), uuid(2)]);
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor(rows[0]!),
      endCursor: encodeCursor(rows[1]!),
    });
    expect(page.totalCount).toBe(3);
  });

  it('has a previous page after a cursor, no next page without the extra row', () => {
    const page = toConnection(rows.slice(1), { first: 2, after: rows[0] }, 3);
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.pageInfo.hasPreviousPage).toBe(true);
  });

  it('has no next page and null cursors when empty', () => {
    const page = toConnection([], { first: 20, after: rows[0] }, 0);
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });

  it('gives first = 0 no edges but still tells whether rows exist', () => {
    expect(toConnection(rows.slice(0, 1), { first: 0 }, 1).pageInfo.hasNextPage).toBe(true);
  });

  it('takes cursors from the position a list is ordered by (a consultation date)', () => {
    const consultation = { id: uuid(4), date: new Date('2025-05-05T00:00:00Z') };
    const page = toConnection([consultation], { first: 1 }, 1, (row) => ({
      createdAt: row.date,
      id: row.id,
    }));
    expect(decodeCursor(page.edges[0]!.cursor)).toEqual({
      createdAt: consultation.date,
      id: uuid(4),
    });
  });
});
