import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const ClientRemedies: Pick<ClientResolvers, 'remedies'> = {
  remedies: (client, _args, ctx) => ctx.loaders.remediesByClient.load(client.id),
};
