import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const Client: ClientResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.clientById.load(ref.id),
  tags: (client) => (Array.isArray(client.tags) ? client.tags.map(String) : []),
  owner: (client) => ({ authUserId: client.tenantId }),
};
