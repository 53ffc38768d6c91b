import { pageArgs, toConnection } from '@grahvani/shared';
import { assertOwnerOrAdmin } from '../../../access.ts';
import type { UserResolvers } from '../../../resolvers-types.generated.ts';

export const User: UserResolvers = {
  activity: async (user, args, ctx) => {
    assertOwnerOrAdmin(ctx.identity, user);
    const { first, after } = pageArgs(args);
    const rows = await ctx.loaders.activityPage.load({ parentId: user.id, first, after });
    return toConnection(rows, first, 0, after !== undefined);
  },
};
