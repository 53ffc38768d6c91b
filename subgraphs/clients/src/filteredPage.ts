import type { CursorPosition } from '@grahvani/shared';
import type { Tx } from './db.ts';
import { Prisma } from './generated/prisma/client.ts';
import { taggedPageIds } from './taggedPage.ts';

/** A search and tags filter, normalised (see clientList.ts). */
export interface ClientMatch {
  /** Text as typed, LIKE wildcards escaped; matched anywhere in name, email or phone. */
  search?: string;
  /** Lower-cased tags, all of which a client must hold. */
  tags?: string[];
}

/**
 * One page of a tenant's clients matching a search or tags filter, newest first, and (when
 * `withCount`) how many match in all. A single tag is counted by its maintained counter and
 * paged by a bounded walk of the book (taggedPage.ts). Otherwise, in ONE statement: the
 * matches are gathered first (MATERIALIZED), by the trigram and GIN indexes under row-level security (their operators
 * are leakproof, see the migrations), then counted and sorted for the page: the work is the
 * number of matches, whatever the size of the book. Left to itself, the planner walks the
 * (tenant, created_at) index filtering row by row whenever it expects many matches, and a
 * search matching 1,111 of 20,000 clients read 7,000 rows to fill a page (then counted them
 * again); from the matches, the page and its count cost one bitmap scan.
 */
export async function filteredPageIds(
  tx: Tx,
  tenantId: string,
  match: ClientMatch,
  page: { limit: number; after?: CursorPosition; withCount: boolean },
): Promise<{ ids: string[]; total: number }> {
  const [tag, ...moreTags] = new Set(match.tags);
  if (tag === undefined || moreTags.length > 0 || match.search)
    return gatheredPageIds(tx, tenantId, match, page);
  // One tag: its count is a counter row, and the page usually a short walk (taggedPage.ts).
  const tagged = await taggedPageIds(tx, tenantId, tag, page);
  if (tagged.complete) return tagged;
  const gathered = await gatheredPageIds(tx, tenantId, match, { ...page, withCount: false });
  return { ids: gathered.ids, total: tagged.total };
}

/**
 * The page and count from the matches, gathered first (see filteredPageIds): the count of a
 * search or of several tags, and the page of a tag too rare (or too old) for a walk.
 */
async function gatheredPageIds(
  tx: Tx,
  tenantId: string,
  match: ClientMatch,
  page: { limit: number; after?: CursorPosition; withCount: boolean },
): Promise<{ ids: string[]; total: number }> {
  const conditions = [
    Prisma.sql`c.tenant_id = ${tenantId}::uuid`,
    Prisma.sql`c.deleted_at IS NULL`,
  ];
  if (match.search) {
    const pattern = `%${match.search}%`;
    conditions.push(
      Prisma.sql`(c.name ILIKE ${pattern} OR c.email ILIKE ${pattern} OR c.phone ILIKE ${pattern})`,
    );
  }
  if (match.tags?.length)
    conditions.push(Prisma.sql`c.tags @> ${JSON.stringify(match.tags)}::jsonb`);
  const { after } = page;
  const cursor = after
    ? Prisma.sql`WHERE (m.created_at, m.id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
    : Prisma.empty;
  const total = page.withCount ? Prisma.sql`(SELECT count(*)::int FROM matches)` : Prisma.sql`0`;
  // LEFT JOIN: the count comes back even when the page is empty.
  const rows = await tx.$queryRaw<{ id: string | null; total: number }[]>`
    WITH matches AS MATERIALIZED (
      SELECT c.id, c.created_at FROM app_clients.clients c
       WHERE ${Prisma.join(conditions, ' AND ')}
    )
    SELECT p.id::text AS id, t.total
      FROM (SELECT ${total} AS total) t
      LEFT JOIN LATERAL (
        SELECT m.id, m.created_at FROM matches m ${cursor}
         ORDER BY m.created_at DESC, m.id DESC
         LIMIT ${page.limit}
      ) p ON true
     ORDER BY p.created_at DESC, p.id DESC`;
  return {
    ids: rows.flatMap((r) => (r.id ? [r.id] : [])),
    total: rows[0]?.total ?? 0,
  };
}
