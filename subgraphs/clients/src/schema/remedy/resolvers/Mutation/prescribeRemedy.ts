import { badInput } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { logActivity } from '../../../../activityLog.ts';
import { inViewerTenant, liveClient } from '../../../../tenant.ts';

export const prescribeRemedy: NonNullable<MutationResolvers['prescribeRemedy']> = (
  _parent,
  { input },
  ctx,
) =>
  inViewerTenant(ctx, async (tx, tenantId) => {
    const description = input.description.trim();
    if (!description) throw badInput('description is required', 'description');
    if (description.length > 2_000) {
      throw badInput('description must be at most 2,000 characters', 'description');
    }
    await liveClient(tx, tenantId, input.clientId);
    const row = await tx.clientRemedy.create({
      data: { tenantId, clientId: input.clientId, type: input.type, description },
    });
    await logActivity(tx, tenantId, input.clientId, 'remedy.prescribed', {
      remedyId: row.id,
      type: row.type,
    });
    return row;
  });
