import { selectsField } from '@grahvani/shared';
import type { QueryResolvers } from '../../../../resolvers-types.generated.ts';
import { listClients } from '../../../../clientList.ts';
import { viewerTenant } from '../../../../tenant.ts';

export const clients: NonNullable<QueryResolvers['clients']> = (_parent, args, ctx, info) =>
  listClients(ctx.reads, viewerTenant(ctx), args, selectsField(info, 'totalCount'));
