import { visibleProfile } from '../../../../profiles.ts';
import type { QueryResolvers } from '../../../../resolvers-types.generated.ts';

export const user: NonNullable<QueryResolvers['user']> = async (_parent, { id }, ctx) => {
  // A DELETED account's profile is gone for the public API.
  return visibleProfile(await ctx.loaders.userById.load(id));
};
