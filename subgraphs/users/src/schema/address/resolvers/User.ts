import { owned } from '../../../mappers.ts';
import type { UserResolvers } from '../../../resolvers-types.generated.ts';

export const User: Pick<UserResolvers, 'addresses' | '__resolveReference'> = {
  addresses: async (user, _args, ctx) =>
    (await ctx.loaders.addressesByUserId.load(user.id)).map((row) => owned(row, user.authUserId)),
};
