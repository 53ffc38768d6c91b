import type { QueryResolvers } from '../../../../resolvers-types.generated.ts';

export const user: NonNullable<QueryResolvers['user']> = async (_parent, { id }, ctx) => {
  const row = await ctx.loaders.userById.load(id);
  // A soft-deleted profile is gone for the public API.
  return row && !row.deletedAt ? row : null;
};
