import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { logActivity } from '../../../../activityLog.ts';
import { validated } from '../../../../validated.ts';
import { inViewerTenant, liveClient } from '../../../../tenant.ts';
import { validateClientUpdate } from '../../../../validation.ts';

export const updateClient: NonNullable<MutationResolvers['updateClient']> = (
  _parent,
  { id, input },
  ctx,
) =>
  inViewerTenant(ctx, async (tx, tenantId) => {
    const data = validated(() => validateClientUpdate(input));
    await liveClient(tx, tenantId, id);
    const updated = await tx.client.update({ where: { id, tenantId }, data });
    await logActivity(tx, tenantId, id, 'client.updated', { fields: Object.keys(data) });
    return updated;
  });
