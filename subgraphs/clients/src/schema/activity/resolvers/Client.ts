import type { ClientResolvers } from '../../../resolvers-types.generated.ts';
import { pageOf } from '../../../paging.ts';

export const ClientActivity: Pick<ClientResolvers, 'activity'> = {
  activity: async (client, args, ctx) =>
    pageOf(await ctx.loaders.activityByClient.load(client.id), args, (row) => row.createdAt),
};
