import { selectsField } from '@grahvani/shared';
import type { QueryResolvers } from '../../../../resolvers-types.generated.ts';
import { listClients } from '../../../../clientList.ts';
import { viewerTenant } from '../../../../tenant.ts';

export const clients: NonNullable<QueryResolvers['clients']> = (_parent, args, ctx, info) => {
  const tenantId = viewerTenant(ctx);
  return listClients(ctx.reads, tenantId, args, selectsField(info, 'totalCount'), () =>
    ctx.clientCounts(tenantId, info.operation.operation),
  );
};
