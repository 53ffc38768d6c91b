import { pageKey } from '@grahvani/shared';
import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const Client: Pick<ClientResolvers, 'consultations' | '__resolveReference'> = {
  // totalCount only when selected: counting a long history is skipped otherwise.
  consultations: (client, args, ctx, info) =>
    ctx.loaders.consultationPages.load(pageKey(client.id, args, info)),
};
