import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const ClientCharts: Pick<ClientResolvers, 'savedCharts'> = {
  savedCharts: (client, _args, ctx) => ctx.loaders.savedChartsByClient.load(client.id),
};
