import { afterCursorWhere, badInput, pageArgs, toConnection } from '@grahvani/shared';
import type { Prisma } from '../../../../generated/prisma/client.ts';
import type { QueryResolvers } from '../../../../resolvers-types.generated.ts';

/** ADMIN only, by its SDL rule (checked against the account's current role and status). */
export const authUsers: NonNullable<QueryResolvers['authUsers']> = async (
  _parent,
  args,
  ctx,
  info,
) => {
  const page = pageArgs(args, info);
  const filter = args.filter ?? {};
  const search = filter.search?.trim();
  if (search && search.length > 200) throw badInput('search is at most 200 characters', 'search');
  const where: Prisma.AuthUserWhereInput = {
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(search
      ? {
          OR: [
            { email: { contains: search, mode: 'insensitive' } },
            { name: { contains: search, mode: 'insensitive' } },
          ],
        }
      : {}),
  };
  const [rows, totalCount] = await Promise.all([
    ctx.db.authUser.findMany({
      where: { AND: [where, afterCursorWhere(page.after)] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: page.first + 1,
    }),
    // Counted only when asked for: a page of 20 need not count every account.
    page.withCount ? ctx.db.authUser.count({ where }) : 0,
  ]);
  return toConnection(rows, page, totalCount);
};
