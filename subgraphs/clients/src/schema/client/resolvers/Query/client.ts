import { notFound } from '@grahvani/shared';
import type { QueryResolvers } from '../../../../resolvers-types.generated.ts';

// Signed-in callers only (the SDL's rule); the loader sees only the viewer's tenant.
export const client: NonNullable<QueryResolvers['client']> = async (_parent, { id }, ctx) => {
  const found = await ctx.loaders.clientById.load(id);
  if (!found) throw notFound('Client');
  return found;
};
