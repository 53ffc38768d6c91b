import { afterCursorWhere, pageArgs, toConnection } from '@grahvani/shared';
import { liveClientCount } from './clientCount.ts';
import { withTenant, type Db } from './db.ts';
import type { Prisma } from './generated/prisma/client.ts';

export interface ClientListArgs {
  first?: number | null;
  after?: string | null;
  search?: string | null;
  tags?: readonly string[] | null;
}

/** Filter of a tenant's live clients by search text and tags (all must match). */
export function clientFilter(tenantId: string, args: ClientListArgs): Prisma.ClientWhereInput {
  const where: Prisma.ClientWhereInput = { tenantId, deletedAt: null };
  // Prisma's `contains` is ILIKE '%text%' with the text as given: escape LIKE's wildcards (and
  // its escape character) so that they match themselves.
  const search = args.search?.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  if (search) {
    where.OR = [
      { name: { contains: search, mode: 'insensitive' } },
      { email: { contains: search, mode: 'insensitive' } },
      // ILIKE for phone too: one (leakproof, see the migrations) operator for every column.
      { phone: { contains: search, mode: 'insensitive' } },
    ];
  }
  const tags = args.tags?.map((t) => t.trim().toLowerCase()).filter(Boolean);
  // jsonb containment (`tags @> '["vip"]'`): the GIN index on tags answers it.
  if (tags?.length) where.tags = { array_contains: tags };
  return where;
}

/**
 * One page of a tenant's clients, newest first, as a Relay connection. `totalCount` is worked
 * out only when `withCount` (the field is selected): from the maintained counter when nothing
 * is filtered, else by counting the matches (through the search and tags indexes).
 */
export async function listClients(
  db: Db,
  tenantId: string,
  args: ClientListArgs,
  withCount: boolean,
) {
  const { first, after } = pageArgs(args);
  const where = clientFilter(tenantId, args);
  const filtered = Boolean(where.OR ?? where.tags);
  const [rows, totalCount] = await withTenant(db, tenantId, async (tx) => [
    await tx.client.findMany({
      where: { AND: [where, afterCursorWhere(after)] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: first + 1,
    }),
    !withCount
      ? 0
      : filtered
        ? await tx.client.count({ where })
        : await liveClientCount(tx, tenantId),
  ]);
  return toConnection(rows, first, totalCount, Boolean(after));
}
