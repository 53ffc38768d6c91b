import { notFound } from '@grahvani/shared';
import type { QueryResolvers } from '../../../../resolvers-types.generated.ts';
import { viewerTenant } from '../../../../tenant.ts';

export const client: NonNullable<QueryResolvers['client']> = async (_parent, { id }, ctx) => {
  viewerTenant(ctx);
  const found = await ctx.loaders.clientById.load(id);
  if (!found) throw notFound('Client');
  return found;
};
