import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const Client: Pick<ClientResolvers, 'familyLinks' | '__resolveReference'> = {
  familyLinks: (client, _args, ctx) => ctx.loaders.familyLinksByClient.load(client.id),
};
