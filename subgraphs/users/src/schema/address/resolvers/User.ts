import type { UserResolvers } from '../../../resolvers-types.generated.ts';

export const User: UserResolvers = {
  addresses: (user, _args, ctx) => ctx.loaders.addressesByUserId.load(user.id),
};
