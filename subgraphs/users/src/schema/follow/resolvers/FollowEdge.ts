import { notFound } from '@grahvani/shared';
import type { FollowEdgeResolvers } from '../../../resolvers-types.generated.ts';

export const FollowEdge: FollowEdgeResolvers = {
  node: async (edge, _args, ctx) => {
    // A follow row cannot outlive either user (ON DELETE CASCADE).
    const user = await ctx.loaders.userById.load(edge.userId);
    if (!user) throw notFound('User');
    return user;
  },
};
