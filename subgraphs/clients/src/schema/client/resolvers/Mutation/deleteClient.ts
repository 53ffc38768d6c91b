import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { logActivity } from '../../../../activityLog.ts';
import { inViewerTenant, liveClient } from '../../../../tenant.ts';

/** Soft delete: the row and its history stay; every read skips it from now on. */
export const deleteClient: NonNullable<MutationResolvers['deleteClient']> = (
  _parent,
  { id },
  ctx,
) =>
  inViewerTenant(ctx, async (tx, tenantId) => {
    await liveClient(tx, tenantId, id);
    await tx.client.update({ where: { id, tenantId }, data: { deletedAt: new Date() } });
    await logActivity(tx, tenantId, id, 'client.deleted');
    return true;
  });
