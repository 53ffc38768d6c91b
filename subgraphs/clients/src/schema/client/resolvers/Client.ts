import { notFound } from '@grahvani/shared';
import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const Client: Pick<
  ClientResolvers,
  | 'birthDate'
  | 'birthPlace'
  | 'birthTime'
  | 'createdAt'
  | 'email'
  | 'gender'
  | 'id'
  | 'latitude'
  | 'longitude'
  | 'name'
  | 'owner'
  | 'phone'
  | 'tags'
  | 'timezone'
  | 'updatedAt'
  | '__resolveReference'
> = {
  // Another tenant's client is NOT_FOUND here too, even when the subgraph is called directly.
  async __resolveReference(ref, ctx) {
    const found = await ctx.loaders.clientById.load(ref.id);
    if (!found) throw notFound('Client');
    return found;
  },
  tags: (client) => (Array.isArray(client.tags) ? client.tags.map(String) : []),
  owner: (client) => ({ authUserId: client.tenantId }),
};
