import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const ClientNotes: Pick<ClientResolvers, 'notes'> = {
  notes: (client, _args, ctx) => ctx.loaders.notesByClient.load(client.id),
};
