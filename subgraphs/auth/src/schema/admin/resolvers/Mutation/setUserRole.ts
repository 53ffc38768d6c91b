import { isUuid, notFound } from '@grahvani/shared';
import { voidInvitationsIn } from '../../../../audit/invitations.ts';
import { accountOrigin, recordAudit } from '../../../../audit/record.ts';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { revokeSessionsIn } from '../../../../revocation.ts';
import { requireRole } from '../../../../viewer.ts';
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
    const origin = accountOrigin(ctx, actor.id);
    if (before.role !== role) {
      await recordAudit(tx, origin, {
        action: 'ROLE_CHANGED',
        targetId: id,
        before: { role: before.role },
        after: { role },
      });
    }
    // Only ADMINs invite: a former ADMIN's pending invitations no longer stand.
    if (role !== 'ADMIN') await voidInvitationsIn(tx, { inviterId: id }, origin, 'inviter_demoted');
    // Access tokens carry the role: the old ones must not outlive the change.
    await revokeSessionsIn(tx, { userId: id }, 'role_changed', ctx.config.accessTokenTtlSeconds);
    return updated;
  });
};
