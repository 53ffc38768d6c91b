import type { UserResolvers } from '../../../resolvers-types.generated.ts';

export const User: Pick<UserResolvers, 'preferences' | '__resolveReference'> = {
  preferences: async (user, _args, ctx) => {
    const row = await ctx.loaders.preferencesByUserId.load(user.id);
    return (row?.settings ?? {}) as Record<string, unknown>;
  },
};
