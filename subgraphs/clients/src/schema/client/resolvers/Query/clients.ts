import { requireIdentity } from '@grahvani/shared';
import type { QueryResolvers } from '../../../../resolvers-types.generated.ts';
import { listClients } from '../../../../clientList.ts';

export const clients: NonNullable<QueryResolvers['clients']> = (_parent, args, ctx) =>
  listClients(ctx.db, requireIdentity(ctx.identity).userId, args);
