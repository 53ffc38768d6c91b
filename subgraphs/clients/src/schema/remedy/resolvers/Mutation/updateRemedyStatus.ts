import { badInput, isUuid, notFound } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import type { RemedyStatus } from '../../../../generated/prisma/client.ts';
import { logActivity } from '../../../../activityLog.ts';
import { inViewerTenant } from '../../../../tenant.ts';

/** The moves a remedy may make: forward only, or to CANCELLED before completion. */
const NEXT: Record<RemedyStatus, readonly RemedyStatus[]> = {
  PRESCRIBED: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

export const updateRemedyStatus: NonNullable<MutationResolvers['updateRemedyStatus']> = (
  _parent,
  { id, status },
  ctx,
) =>
  inViewerTenant(ctx, async (tx, tenantId) => {
    const remedy = isUuid(id)
      ? await tx.clientRemedy.findFirst({ where: { id, tenantId, client: { deletedAt: null } } })
      : null;
    if (!remedy) throw notFound('Remedy');
    if (!NEXT[remedy.status].includes(status)) {
      throw badInput(`A remedy cannot move from ${remedy.status} to ${status}`, 'status');
    }
    // The status guard makes a concurrent move fail (P2025 -> NOT_FOUND) instead of skipping a step.
    const updated = await tx.clientRemedy.update({
      where: { id, tenantId, status: remedy.status },
      data: { status },
    });
    await logActivity(tx, tenantId, remedy.clientId, 'remedy.status_changed', {
      remedyId: id,
      from: remedy.status,
      to: status,
    });
    return updated;
  });
