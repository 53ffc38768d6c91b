import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const Client: Pick<ClientResolvers, 'savedCharts' | '__resolveReference'> = {
  savedCharts: (client, _args, ctx) => ctx.loaders.savedChartsByClient.load(client.id),
};
