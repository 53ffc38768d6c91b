import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const Client: Pick<ClientResolvers, 'activity' | '__resolveReference'> = {
  activity: (client, args, ctx) => ctx.loaders.activityPages(args).load(client.id),
};
