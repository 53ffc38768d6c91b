import { isUuid, notFound } from '@grahvani/shared';
import { accountOrigin, recordAudit } from '../../../../audit/record.ts';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { revokeSessionsIn } from '../../../../revocation.ts';
import { requireRole } from '../../actor.ts';
import { keepOneActiveAdmin } from '../../lastAdmin.ts';
import { lockAccount } from '../../lockAccount.ts';

export const setUserRole: NonNullable<MutationResolvers['setUserRole']> = async (
  _parent,
  { id, role },
  ctx,
) => {
  const actor = await requireRole(ctx, ['ADMIN']);
  const target = isUuid(id) ? await ctx.db.authUser.findUnique({ where: { id } }) : null;
  if (!target) throw notFound('Account');
  if (target.role === role) return target;
  return ctx.db.$transaction(async (tx) => {
    if (role !== 'ADMIN') await keepOneActiveAdmin(tx, id, 'role');
    const before = await lockAccount(tx, id);
    const updated = await tx.authUser.update({ where: { id }, data: { role } });
    if (before.role !== role) {
      await recordAudit(tx, accountOrigin(ctx, actor.id), {
        action: 'ROLE_CHANGED',
        targetId: id,
        before: { role: before.role },
        after: { role },
      });
    }
    // Access tokens carry the role: the old ones must not outlive the change.
    await revokeSessionsIn(tx, { userId: id }, 'role_changed', ctx.config.accessTokenTtlSeconds);
    return updated;
  });
};
