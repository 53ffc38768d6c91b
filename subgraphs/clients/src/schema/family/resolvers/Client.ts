import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const ClientFamily: Pick<ClientResolvers, 'familyLinks'> = {
  familyLinks: (client, _args, ctx) => ctx.loaders.familyLinksByClient.load(client.id),
};
