import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const Client: Pick<ClientResolvers, 'notes' | '__resolveReference'> = {
  notes: (client, _args, ctx) => ctx.loaders.notesByClient.load(client.id),
};
