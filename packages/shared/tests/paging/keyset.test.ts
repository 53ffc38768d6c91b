// Keyset conditions: rows strictly after a cursor in (position desc, id desc) order, for
// Prisma (top-level lists) and in SQL (batched pages), with the plain `<=` bound that lets a
// deep page start its index scan at the cursor.
import { raw } from '../../src/paging/sql.ts';
import { describe, expect, it } from 'vitest';
import { afterCursorSql, afterCursorWhere } from '../../src/paging/keyset.ts';

const cursor = {
  createdAt: new Date('2026-01-01T00:00:00.000Z'),
  id: '6f1c2b9e-1d3a-4c5b-9e8f-0a1b2c3d4e5f',
};

describe('afterCursorWhere', () => {
  it('selects rows strictly after the cursor in (createdAt desc, id desc) order', () => {
    expect(afterCursorWhere(undefined)).toEqual({});
    expect(afterCursorWhere(cursor)).toEqual({
      // The redundant bound lets PostgreSQL start a deep page's index scan at the cursor.
      createdAt: { lte: cursor.createdAt },
      OR: [
        { createdAt: { lt: cursor.createdAt } },
        { createdAt: cursor.createdAt, id: { lt: cursor.id } },
      ],
    });
  });
});

describe('afterCursorSql', () => {
  it('is empty without a cursor', () => {
    expect(afterCursorSql(raw('t.date'), raw('t.id'), undefined).text).toBe('');
  });

  it('bounds the position and compares (position, id) as a row, all values as parameters', () => {
    const condition = afterCursorSql(raw('t.date'), raw('t.id'), cursor);
    expect(condition.text.replace(/\s+/g, ' ')).toBe(
      'AND t.date <= $1::timestamptz AND (t.date, t.id) < ($2::timestamptz, $3::uuid)',
    );
    expect(condition.values).toEqual([cursor.createdAt, cursor.createdAt, cursor.id]);
  });
});
