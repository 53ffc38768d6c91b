import type { ClientResolvers } from '../../../resolvers-types.generated.ts';
import { pageOf } from '../../../paging.ts';

export const ClientConsultations: Pick<ClientResolvers, 'consultations'> = {
  consultations: async (client, args, ctx) =>
    pageOf(await ctx.loaders.consultationsByClient.load(client.id), args, (row) => row.date),
};
