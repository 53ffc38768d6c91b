import type { QueryResolvers } from '../../../../resolvers-types.generated.ts';

export const user: NonNullable<QueryResolvers['user']> = (_parent, { id }, ctx) =>
  ctx.loaders.userById.load(id);
