import { isUuid, notFound, requireIdentity } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { revokeSessions } from '../../../../revocation.ts';

export const revokeSession: NonNullable<MutationResolvers['revokeSession']> = async (
  _parent,
  { id },
  ctx,
) => {
  const { userId } = requireIdentity(ctx.identity);
  // Someone else's session is as unknown as a missing one: no probing of session ids.
  const session = isUuid(id)
    ? await ctx.db.authSession.findFirst({ where: { id, userId }, select: { id: true } })
    : null;
  if (!session) throw notFound('Session');
  await revokeSessions(
    ctx.db,
    { userId, sessionIds: [id] },
    'revoked_by_user',
    ctx.config.accessTokenTtlSeconds,
  );
  return true;
};
