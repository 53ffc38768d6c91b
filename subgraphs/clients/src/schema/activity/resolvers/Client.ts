import { pageKey } from '@grahvani/shared';
import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const Client: Pick<ClientResolvers, 'activity' | '__resolveReference'> = {
  // totalCount only when selected: counting a long history is skipped otherwise.
  activity: (client, args, ctx, info) =>
    ctx.loaders.activityPages.load(pageKey(client.id, args, info)),
};
