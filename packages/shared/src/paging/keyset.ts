import { empty, sql, type Sql } from './sql.ts';
import type { CursorPosition } from './cursor.ts';

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

/**
 * The same condition in SQL, as `AND …` (empty without a cursor), for the columns `position`
 * and `id` (constants of the calling code, never input). The row comparison matches the
 * (position DESC, id DESC) order; the plain `<=` bound, as above, lets the index scan start at
 * the cursor.
 */
export function afterCursorSql(position: Sql, id: Sql, cursor: CursorPosition | undefined): Sql {
  if (!cursor) return empty;
  const at = sql`${cursor.createdAt}::timestamptz`;
  return sql`AND ${position} <= ${at} AND (${position}, ${id}) < (${at}, ${cursor.id}::uuid)`;
}
