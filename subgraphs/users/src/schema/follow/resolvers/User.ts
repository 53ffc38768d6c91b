import { toConnection } from '@grahvani/shared';
import type { User as UserRow } from '../../../generated/prisma/client.ts';
import type { FollowPageRow } from '../../../pageQueries.ts';
import { pageKey, type PageKey } from '../../../pages.ts';
import type DataLoader from 'dataloader';
import type { UserResolvers } from '../../../resolvers-types.generated.ts';

async function followConnection(
  loader: DataLoader<PageKey, FollowPageRow[], string>,
  user: UserRow,
  args: { first?: number | null; after?: string | null },
  totalCount: number,
) {
  const key = pageKey(user.id, args);
  const rows = await loader.load(key);
  const page = toConnection(rows, key.first, totalCount, key.after !== undefined);
  return {
    ...page,
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
