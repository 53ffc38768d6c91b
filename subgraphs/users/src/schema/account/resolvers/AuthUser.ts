import { visibleProfile } from '../../../profiles.ts';
import type { AuthUserResolvers } from '../../../resolvers-types.generated.ts';

export const AuthUser: AuthUserResolvers = {
  __resolveReference: (ref) => ref,
  profile: async (account, _args, ctx) =>
    visibleProfile(
      await ctx.loaders.profileByAuthUserId.load({
        authUserId: account.id,
        email: account.email,
        name: account.name,
      }),
    ),
};
