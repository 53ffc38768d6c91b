import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { setFollowing } from '../../follows.ts';

export const follow: NonNullable<MutationResolvers['follow']> = (_parent, { userId }, ctx) =>
  setFollowing(ctx, userId, true);
