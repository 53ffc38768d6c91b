import { badInput } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { parseFee } from '../../../../money.ts';
import { logActivity } from '../../../../activityLog.ts';
import { inViewerTenant, liveClient } from '../../../../tenant.ts';

export const recordConsultation: NonNullable<MutationResolvers['recordConsultation']> = (
  _parent,
  { input },
  ctx,
) =>
  inViewerTenant(ctx, async (tx, tenantId) => {
    const { durationMinutes } = input;
    if (durationMinutes != null && (durationMinutes < 1 || durationMinutes > 1440)) {
      throw badInput('durationMinutes must be between 1 and 1440', 'durationMinutes');
    }
    const fee = input.fee == null ? null : parseFee(input.fee);
    const notes = input.notes?.trim() || null;
    if (notes && notes.length > 10_000) {
      throw badInput('notes must be at most 10,000 characters', 'notes');
    }
    const date = input.date == null ? new Date() : new Date(input.date);
    await liveClient(tx, tenantId, input.clientId);
    const row = await tx.clientConsultation.create({
      data: {
        tenantId,
        clientId: input.clientId,
        type: input.type,
        date,
        durationMinutes: durationMinutes ?? null,
        fee,
        notes,
      },
    });
    await logActivity(tx, tenantId, input.clientId, 'consultation.recorded', {
      consultationId: row.id,
      type: row.type,
    });
    return row;
  });
