import { assertOwnerOrAdmin } from '../../../access.ts';
import type { UserResolvers } from '../../../resolvers-types.generated.ts';

export const User: UserResolvers = {
  addresses: (user, _args, ctx) => {
    assertOwnerOrAdmin(ctx.identity, user);
    return ctx.loaders.addressesByUserId.load(user.id);
  },
};
