import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const ClientConsultations: Pick<ClientResolvers, 'consultations'> = {
  consultations: (client, args, ctx) => ctx.loaders.consultationPages(args).load(client.id),
};
