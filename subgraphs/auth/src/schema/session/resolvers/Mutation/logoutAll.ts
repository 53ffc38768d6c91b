import { requireIdentity } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { revokeSessions } from '../../../../revocation.ts';

export const logoutAll: NonNullable<MutationResolvers['logoutAll']> = async (
  _parent,
  _args,
  ctx,
) => {
  const { userId } = requireIdentity(ctx.identity);
  await revokeSessions(ctx.db, { userId }, 'logout_all', ctx.config.accessTokenTtlSeconds);
  return true;
};
