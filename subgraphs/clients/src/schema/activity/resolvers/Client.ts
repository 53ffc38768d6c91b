import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const ClientActivity: Pick<ClientResolvers, 'activity'> = {
  activity: (client, args, ctx) => ctx.loaders.activityPages(args).load(client.id),
};
