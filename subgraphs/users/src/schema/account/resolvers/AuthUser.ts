import { visibleProfile } from '../../../profiles.ts';
import type { AuthUserResolvers } from '../../../resolvers-types.generated.ts';

export const AuthUser: AuthUserResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  // The reference only selects the profile: nothing in it is stored (see loadProfiles).
  profile: async (account, _args, ctx) =>
    visibleProfile(await ctx.loaders.profileByAuthUserId.load(account.id)),
};
