import { afterCursorWhere, badInput, isUuid, pageArgs, toConnection } from '@grahvani/shared';
import type { Prisma } from '../../../../generated/prisma/client.ts';
import type { AuditLogFilter, QueryResolvers } from '../../../../resolvers-types.generated.ts';
import { requireRole } from '../../../../viewer.ts';

const idFilter = (value: string | null | undefined, field: string) => {
  if (value == null) return undefined;
  if (!isUuid(value)) throw badInput(`${field} must be an account id`, field);
  return value;
};

/** Prisma `where` of the filter; refuses malformed ids and an empty time range. */
function whereOf(filter: AuditLogFilter): Prisma.AuthAuditLogWhereInput {
  const actorId = idFilter(filter.actorId, 'actorId');
  const targetId = idFilter(filter.targetId, 'targetId');
  const from = filter.from == null ? undefined : new Date(filter.from);
  const to = filter.to == null ? undefined : new Date(filter.to);
  if (from && to && from >= to) throw badInput('from must be before to', 'from');
  return {
    ...(filter.action ? { action: filter.action } : {}),
    ...(actorId ? { actorId } : {}),
    ...(targetId ? { targetId } : {}),
    ...(from || to
      ? { createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } }
      : {}),
  };
}

export const auditLog: NonNullable<QueryResolvers['auditLog']> = async (
  _parent,
  args,
  ctx,
  info,
) => {
  await requireRole(ctx, ['ADMIN']);
  const page = pageArgs(args, info);
  const where = whereOf(args.filter ?? {});
  const [rows, totalCount] = await Promise.all([
    ctx.db.authAuditLog.findMany({
      where: { AND: [where, afterCursorWhere(page.after)] },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: page.first + 1,
    }),
    // Counted only when asked for: the trail only grows.
    page.withCount ? ctx.db.authAuditLog.count({ where }) : 0,
  ]);
  return toConnection(rows, page, totalCount);
};
