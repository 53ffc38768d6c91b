import { afterCursorWhere, pageArgs, toConnection } from '@grahvani/shared';
import { filteredPageIds, type ClientMatch } from './filteredPage.ts';
import type { TenantReads } from './tenantReads.ts';

export interface ClientListArgs {
  first?: number | null;
  after?: string | null;
  search?: string | null;
  tags?: readonly string[] | null;
}

/** The search and tags arguments, normalised: LIKE wildcards escaped, tags lower-cased. */
export function clientMatch(args: ClientListArgs): ClientMatch {
  // ILIKE '%text%' with the text as given: escape LIKE's wildcards (and its escape character)
  // so that they match themselves.
  const search = args.search?.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  const tags = args.tags?.map((t) => t.trim().toLowerCase()).filter(Boolean);
  return { ...(search ? { search } : {}), ...(tags?.length ? { tags } : {}) };
}

/**
 * One page of a tenant's clients, newest first, as a Relay connection. `totalCount` is worked
 * out only when `withCount` (the field is selected). Unfiltered: a keyset page of the
 * (tenant, created_at, id) index and the maintained counter, read by `liveCount` (shared with
 * the other fields of the request that ask, see clientCount.ts). Filtered: the matches, from
 * their indexes, counted and paged in one statement (filteredPage.ts).
 */
export async function listClients(
  reads: TenantReads,
  tenantId: string,
  args: ClientListArgs,
  withCount: boolean,
  liveCount: () => Promise<number>,
) {
  const { first, after } = pageArgs(args);
  const match = clientMatch(args);
  if (!match.search && !match.tags) {
    // Both reads queue in the request's one tenant transaction (tenantReads.ts).
    const [rows, totalCount] = await Promise.all([
      reads(tenantId, (tx) =>
        tx.client.findMany({
          where: { AND: [{ tenantId, deletedAt: null }, afterCursorWhere(after)] },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: first + 1,
        }),
      ),
      withCount ? liveCount() : 0,
    ]);
    return toConnection(rows, { first, after }, totalCount);
  }
  const [rows, totalCount] = await reads(tenantId, async (tx) => {
    const page = await filteredPageIds(tx, tenantId, match, { limit: first + 1, after, withCount });
    const found = await tx.client.findMany({ where: { tenantId, id: { in: page.ids } } });
    const byId = new Map(found.map((c) => [c.id, c]));
    return [page.ids.flatMap((id) => byId.get(id) ?? []), page.total] as const;
  });
  return toConnection([...rows], { first, after }, totalCount);
}
