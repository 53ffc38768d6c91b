import { pageKey, type ConnectionArgs } from '@grahvani/shared';
import type { User as UserRow } from '../../../generated/prisma/client.ts';
import type { Loaders } from '../../../loaders.ts';
import type { UserResolvers } from '../../../resolvers-types.generated.ts';

/** A page of follows; its totalCount is the counter kept on the user's row, never counted. */
async function followConnection(
  loader: Loaders['followersPage'],
  user: UserRow,
  args: ConnectionArgs,
  totalCount: number,
) {
  const page = await loader.load(pageKey(user.id, args));
  return {
    ...page,
    totalCount,
    edges: page.edges.map(({ cursor, node }) => ({
      cursor,
      followedAt: node.createdAt,
      userId: node.otherId,
    })),
  };
}

export const User: Pick<
  UserResolvers,
  'followerCount' | 'followers' | 'following' | 'followingCount' | '__resolveReference'
> = {
  followers: (user, args, ctx) =>
    followConnection(ctx.loaders.followersPage, user, args, user.followerCount),
  following: (user, args, ctx) =>
    followConnection(ctx.loaders.followingPage, user, args, user.followingCount),
};
