import type { CursorPosition } from '@grahvani/shared';
import type { Tx } from './db.ts';
import { Prisma } from './generated/prisma/client.ts';

/** Rows of the book walked per row of the page, at most, before the tag's matches are read instead. */
export const WALK_PER_ROW = 50;

/**
 * One page of a tenant's live clients holding `tag`, newest first, and how many hold it, from
 * the counter the clients triggers maintain (migration client_tag_counts_triggers): one
 * primary-key row, however many match. The page walks the (tenant, created_at, id) index from
 * the cursor and keeps the rows holding the tag, reading about `limit / share` rows for a tag
 * held by `share` of the book (210 rows for a page of 21 and a tag one client in ten holds),
 * where gathering the matches from the GIN index reads all of them (2,000) to sort them.
 * The walk is bounded (WALK_PER_ROW rows per row of the page) and only taken when the tag has
 * more matches than that bound, so it never costs more than gathering would: `complete` is
 * false when it was skipped or ran out before filling the page (a rare tag, or one held only
 * by old clients), and the caller then gathers the matches (filteredPage.ts). The counter is
 * read even when the count is not selected: it is what chooses between walking and gathering.
 */
export async function taggedPageIds(
  tx: Tx,
  tenantId: string,
  tag: string,
  page: { limit: number; after?: CursorPosition },
): Promise<{ ids: string[]; total: number; complete: boolean }> {
  const walk = page.limit * WALK_PER_ROW;
  const { after } = page;
  const cursor = after
    ? Prisma.sql`AND c.created_at <= ${after.createdAt}::timestamptz
                 AND (c.created_at, c.id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
    : Prisma.empty;
  // The count once (MATERIALIZED), then the walk, skipped (a one-time filter) unless the tag
  // has more matches than the walk's bound; LEFT JOIN: the count comes back even without a page.
  const rows = await tx.$queryRaw<{ id: string | null; total: number; walked: boolean }[]>`
    WITH t AS MATERIALIZED (
      SELECT coalesce((SELECT n.live_count FROM app_clients.client_tag_counts n
                        WHERE n.tenant_id = ${tenantId}::uuid AND n.tag = ${tag}), 0) AS total
    )
    SELECT p.id::text AS id, t.total, t.total > ${walk} AS walked
      FROM t LEFT JOIN LATERAL (
        SELECT w.id, w.created_at
          FROM (SELECT c.id, c.created_at, c.tags FROM app_clients.clients c
                 WHERE t.total > ${walk}
                   AND c.tenant_id = ${tenantId}::uuid AND c.deleted_at IS NULL ${cursor}
                 ORDER BY c.created_at DESC, c.id DESC
                 LIMIT ${walk}) w
         WHERE w.tags @> ${JSON.stringify([tag])}::jsonb
         ORDER BY w.created_at DESC, w.id DESC
         LIMIT ${page.limit}
      ) p ON true
     ORDER BY p.created_at DESC, p.id DESC`;
  const ids = rows.flatMap((r) => (r.id ? [r.id] : []));
  return {
    ids,
    total: rows[0]?.total ?? 0,
    complete: Boolean(rows[0]?.walked) && ids.length === page.limit,
  };
}
