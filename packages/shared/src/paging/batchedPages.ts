import { empty, raw, sql, type Sql } from './sql.ts';
import type { PageRequest } from './pageArgs.ts';
import { afterCursorSql } from './keyset.ts';

/** A list that hangs off parent rows (a user's followers, a client's consultations...). */
export interface ChildList {
  /** The LATERAL subquery's FROM: the paged table aliased `t`, joins allowed. A constant. */
  from: Sql;
  /** Column of `t` holding the parent's id (a uuid). */
  parent: string;
  /** Column of `t` the list is ordered by, newest first, `t.id` breaking ties. */
  position: string;
  /** The columns of each row, named as the caller's row type names them (not `parentId`). */
  columns: Sql;
  /** Further conditions on the rows, as `AND …` (the tenant, say). */
  where?: Sql;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function column(name: string): Sql {
  // Column names are spliced into SQL: only ever constants of our code, and checked here.
  if (!IDENTIFIER.test(name)) throw new Error(`not a column name: ${name}`);
  return raw(`t.${name}`);
}

/**
 * ONE statement for the page of every parent in `parentIds`: a LATERAL subquery takes each
 * parent's first `first + 1` rows after the cursor (the extra row tells hasNextPage) through
 * the (…parent, position DESC, id DESC) index, however many rows a parent has and however many
 * parents there are. Each row comes back with `parentId` (text) and `list.columns`.
 */
export function batchedPagesSql(
  list: ChildList,
  parentIds: readonly string[],
  page: Pick<PageRequest, 'first' | 'after'>,
): Sql {
  const position = column(list.position);
  const id = column('id');
  return sql`
    SELECT k.parent_id::text AS "parentId", p.*
      FROM unnest(${parentIds}::uuid[]) AS k(parent_id)
      CROSS JOIN LATERAL (
        SELECT ${list.columns} FROM ${list.from}
         WHERE ${column(list.parent)} = k.parent_id ${list.where ?? empty}
           ${afterCursorSql(position, id, page.after)}
         ORDER BY ${position} DESC, ${id} DESC
         LIMIT ${page.first + 1}
      ) p`;
}
