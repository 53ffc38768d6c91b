import type { UserResolvers } from '../../../resolvers-types.generated.ts';

export const User: UserResolvers = {
  __resolveReference: (ref, ctx) => {
    if ('id' in ref && typeof ref.id === 'string') return ctx.loaders.userById.load(ref.id);
    if ('authUserId' in ref && typeof ref.authUserId === 'string') {
      return ctx.loaders.profileByAuthUserId.load({ authUserId: ref.authUserId });
    }
    return null;
  },
  account: (user) => ({ id: user.authUserId }),
};
