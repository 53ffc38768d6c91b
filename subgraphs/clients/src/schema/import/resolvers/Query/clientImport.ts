import { isUuid, notFound } from '@grahvani/shared';
import type { QueryResolvers } from '../../../../resolvers-types.generated.ts';
import { inViewerTenant } from '../../../../tenant.ts';

export const clientImport: NonNullable<QueryResolvers['clientImport']> = async (
  _parent,
  { id },
  ctx,
) => {
  const found = await inViewerTenant(ctx, (tx, tenantId) =>
    isUuid(id) ? tx.clientImport.findFirst({ where: { id, tenantId } }) : Promise.resolve(null),
  );
  if (!found) throw notFound('Import');
  return found;
};
