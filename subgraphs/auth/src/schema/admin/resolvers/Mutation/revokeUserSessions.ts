import { isUuid, notFound } from '@grahvani/shared';
import { accountOrigin, recordAudit } from '../../../../audit/record.ts';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { revokeSessionsIn } from '../../../../revocation.ts';
import { requireRole } from '../../../../viewer.ts';

export const revokeUserSessions: NonNullable<MutationResolvers['revokeUserSessions']> = async (
  _parent,
  { id },
  ctx,
) => {
  const actor = await requireRole(ctx, ['ADMIN']);
  const target = isUuid(id)
    ? await ctx.db.authUser.findUnique({ where: { id }, select: { id: true } })
    : null;
  if (!target) throw notFound('Account');
  return ctx.db.$transaction(async (tx) => {
    const revoked = await revokeSessionsIn(
      tx,
      { userId: id },
      'revoked_by_admin',
      ctx.config.accessTokenTtlSeconds,
    );
    // Nothing to end changes nothing, and leaves no event.
    if (revoked > 0) {
      await recordAudit(tx, accountOrigin(ctx, actor.id), {
        action: 'SESSIONS_REVOKED',
        targetId: id,
        before: { activeSessions: revoked },
        after: { activeSessions: 0 },
      });
    }
    return revoked;
  });
};
