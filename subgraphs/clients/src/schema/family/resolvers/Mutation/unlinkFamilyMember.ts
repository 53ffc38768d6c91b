import { isUuid, notFound } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { logActivity } from '../../../../activityLog.ts';
import { inViewerTenant } from '../../../../tenant.ts';

export const unlinkFamilyMember: NonNullable<MutationResolvers['unlinkFamilyMember']> = (
  _parent,
  { id },
  ctx,
) =>
  inViewerTenant(ctx, async (tx, tenantId) => {
    const link = isUuid(id)
      ? await tx.clientFamilyLink.findFirst({
          where: {
            id,
            tenantId,
            client: { deletedAt: null },
            relatedClient: { deletedAt: null },
          },
        })
      : null;
    if (!link) throw notFound('Family link');
    await tx.clientFamilyLink.delete({ where: { id, tenantId } });
    for (const clientId of [link.clientId, link.relatedClientId]) {
      await logActivity(tx, tenantId, clientId, 'family.unlinked', { linkId: id });
    }
    return true;
  });
