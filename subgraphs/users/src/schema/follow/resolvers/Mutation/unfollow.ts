import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { setFollowing } from '../../follows.ts';

export const unfollow: NonNullable<MutationResolvers['unfollow']> = (_parent, { userId }, ctx) =>
  setFollowing(ctx, userId, false);
