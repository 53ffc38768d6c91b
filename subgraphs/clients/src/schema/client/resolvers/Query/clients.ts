import type { QueryResolvers } from '../../../../resolvers-types.generated.ts';
import { listClients } from '../../../../clientList.ts';
import { viewerTenant } from '../../../../tenant.ts';

export const clients: NonNullable<QueryResolvers['clients']> = (_parent, args, ctx) =>
  listClients(ctx.db, viewerTenant(ctx), args);
