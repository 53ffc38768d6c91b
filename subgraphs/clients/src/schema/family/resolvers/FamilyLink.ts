import { notFound } from '@grahvani/shared';
import type { FamilyLinkResolvers } from '../../../resolvers-types.generated.ts';

export const FamilyLink: FamilyLinkResolvers = {
  async relatedClient(link, _args, ctx) {
    const related = await ctx.loaders.clientById.load(link.relatedClientId);
    if (!related) throw notFound('Client');
    return related;
  },
};
