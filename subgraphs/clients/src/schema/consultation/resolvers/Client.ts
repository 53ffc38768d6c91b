import { selectsField } from '@grahvani/shared';
import type { ClientResolvers } from '../../../resolvers-types.generated.ts';

export const ClientConsultations: Pick<ClientResolvers, 'consultations'> = {
  consultations: (client, args, ctx, info) =>
    ctx.loaders.consultationPages(args, selectsField(info, 'totalCount')).load(client.id),
};
