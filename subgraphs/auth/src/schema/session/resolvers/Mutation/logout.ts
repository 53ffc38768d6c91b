import { requireIdentity } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { revokeSessions } from '../../../../revocation.ts';

export const logout: NonNullable<MutationResolvers['logout']> = async (_parent, _args, ctx) => {
  const { userId, sessionId } = requireIdentity(ctx.identity);
  await revokeSessions(
    ctx.db,
    { userId, sessionIds: [sessionId] },
    'logout',
    ctx.config.accessTokenTtlSeconds,
  );
  return true;
};
