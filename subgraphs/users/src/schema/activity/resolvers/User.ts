import { pageKey } from '@grahvani/shared';
import { owned } from '../../../mappers.ts';
import type { UserResolvers } from '../../../resolvers-types.generated.ts';

export const User: Pick<UserResolvers, 'activity' | '__resolveReference'> = {
  activity: async (user, args, ctx) => {
    const page = await ctx.loaders.activityPage.load(pageKey(user.id, args));
    const edges = page.edges.map((edge) => ({ ...edge, node: owned(edge.node, user.authUserId) }));
    return { ...page, edges };
  },
};
