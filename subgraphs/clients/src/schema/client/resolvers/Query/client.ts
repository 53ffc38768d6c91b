import { notFound, requireIdentity } from '@grahvani/shared';
import type { QueryResolvers } from '../../../../resolvers-types.generated.ts';

export const client: NonNullable<QueryResolvers['client']> = async (_parent, { id }, ctx) => {
  requireIdentity(ctx.identity);
  const found = await ctx.loaders.clientById.load(id);
  if (!found) throw notFound('Client');
  return found;
};
