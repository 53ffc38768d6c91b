import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const Client: Pick<ClientResolvers, 'remedies' | '__resolveReference'> = {
  remedies: (client, _args, ctx) => ctx.loaders.remediesByClient.load(client.id),
};
