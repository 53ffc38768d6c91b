import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const Client: Pick<ClientResolvers, 'consultations' | '__resolveReference'> = {
  consultations: (client, args, ctx) => ctx.loaders.consultationPages(args).load(client.id),
};
