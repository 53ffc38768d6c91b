import { forbidden, isUuid, notFound } from '@grahvani/shared';
import { voidInvitationsIn } from '../../../../audit/invitations.ts';
import { accountOrigin, recordAudit } from '../../../../audit/record.ts';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { announceAccountChange, revokeSessionsIn } from '../../../../revocation.ts';
import { requireRole } from '../../../../viewer.ts';
import { keepOneActiveAdmin } from '../../lastAdmin.ts';
import { lockAccount } from '../../lockAccount.ts';

/** What a MODERATOR may set, and only on USER accounts. */
const MODERATOR_STATUSES = new Set(['SUSPENDED', 'ACTIVE']);

export const setUserStatus: NonNullable<MutationResolvers['setUserStatus']> = async (
  _parent,
  { id, status },
  ctx,
) => {
  const actor = await requireRole(ctx, ['ADMIN', 'MODERATOR']);
  const target = isUuid(id) ? await ctx.db.authUser.findUnique({ where: { id } }) : null;
  if (!target) throw notFound('Account');
  const moderatorMay =
    target.role === 'USER' && target.status !== 'DELETED' && MODERATOR_STATUSES.has(status);
  if (actor.role === 'MODERATOR' && !moderatorMay) {
    throw forbidden('Moderators may only suspend or reactivate USER accounts');
  }
  return ctx.db.$transaction(async (tx) => {
    if (status !== 'ACTIVE') await keepOneActiveAdmin(tx, id, 'status');
    const before = await lockAccount(tx, id);
    const updated = await tx.authUser.update({ where: { id }, data: { status } });
    const origin = accountOrigin(ctx, actor.id);
    // Setting the status it already has changes nothing, so it leaves no event.
    if (before.status !== status) {
      await recordAudit(tx, origin, {
        action: 'STATUS_CHANGED',
        targetId: id,
        before: { status: before.status },
        after: { status },
      });
    }
    // A suspended or deleted inviter's pending invitations no longer stand (not revived later).
    if (status !== 'ACTIVE') {
      await voidInvitationsIn(tx, { inviterId: id }, origin, `inviter_${status.toLowerCase()}`);
    }
    // The users subgraph hides a DELETED account's profile (and shows it again if restored).
    if ((status === 'DELETED') !== (before.status === 'DELETED')) {
      await announceAccountChange(tx, id, status === 'DELETED');
    }
    if (status === 'SUSPENDED' || status === 'DELETED') {
      await revokeSessionsIn(
        tx,
        { userId: id },
        `account_${status.toLowerCase()}`,
        ctx.config.accessTokenTtlSeconds,
      );
    }
    return updated;
  });
};
