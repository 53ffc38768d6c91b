import { unauthenticated } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { signIn } from '../../../../sessions.ts';
import { canSignIn } from '../../../../viewer.ts';
import { findOrCreateOAuthUser } from '../../oauthUser.ts';

export const signInWithOAuth: NonNullable<MutationResolvers['signInWithOAuth']> = async (
  _parent,
  { input },
  ctx,
) => {
  const identity = await ctx.flows.oidc.verify(input.provider, input.idToken);
  const user = await findOrCreateOAuthUser(ctx.db, input.provider, identity, ctx);
  if (!canSignIn(user.status)) throw unauthenticated('This account cannot sign in');
  const signedIn = await ctx.db.authUser.update({
    where: { id: user.id },
    data: { lastLoginAt: new Date() },
  });
  return signIn(ctx.db, ctx, signedIn, ctx.config.sessionTtlDays);
};
