import { selectsField } from '@grahvani/shared';
import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const ClientActivity: Pick<ClientResolvers, 'activity'> = {
  activity: (client, args, ctx, info) =>
    ctx.loaders.activityPages(args, selectsField(info, 'totalCount')).load(client.id),
};
