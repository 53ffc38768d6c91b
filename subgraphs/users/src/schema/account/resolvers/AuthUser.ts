import type { AuthUserResolvers } from '../../../resolvers-types.generated.ts';

export const AuthUser: AuthUserResolvers = {
  __resolveReference: (ref) => ref,
  profile: (account, _args, ctx) =>
    ctx.loaders.profileByAuthUserId.load({
      authUserId: account.id,
      email: account.email,
      name: account.name,
    }),
};
