import { badInput, conflict } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { inverseOf } from '../../../../family.ts';
import { logActivity } from '../../../../activityLog.ts';
import { inViewerTenant, liveClient } from '../../../../tenant.ts';

export const linkFamilyMember: NonNullable<MutationResolvers['linkFamilyMember']> = (
  _parent,
  { input },
  ctx,
) =>
  inViewerTenant(ctx, async (tx, tenantId) => {
    const { clientId, relatedClientId, relationshipType } = input;
    if (clientId === relatedClientId) {
      throw badInput('A client cannot be linked to itself', 'relatedClientId');
    }
    await liveClient(tx, tenantId, clientId);
    await liveClient(tx, tenantId, relatedClientId);
    const existing = await tx.clientFamilyLink.findFirst({
      where: {
        tenantId,
        OR: [
          { clientId, relatedClientId },
          { clientId: relatedClientId, relatedClientId: clientId },
        ],
      },
    });
    if (existing) throw conflict('These clients are already linked');
    // Stored as "client_id is <type> of related_client_id"; the input says what the related
    // client is to the client. A concurrent duplicate trips the pair's unique index (CONFLICT).
    const row = await tx.clientFamilyLink.create({
      data: { tenantId, clientId, relatedClientId, relationshipType: inverseOf(relationshipType) },
    });
    await logActivity(tx, tenantId, clientId, 'family.linked', {
      linkId: row.id,
      relatedClientId,
      relationshipType,
    });
    await logActivity(tx, tenantId, relatedClientId, 'family.linked', {
      linkId: row.id,
      relatedClientId: clientId,
      relationshipType: inverseOf(relationshipType),
    });
    return { id: row.id, tenantId, clientId, relatedClientId, relationshipType };
  });
