import { badInput } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { logActivity } from '../../../../activityLog.ts';
import { inViewerTenant, liveClient } from '../../../../tenant.ts';

export const addClientNote: NonNullable<MutationResolvers['addClientNote']> = (
  _parent,
  { input },
  ctx,
) =>
  inViewerTenant(ctx, async (tx, tenantId) => {
    const content = input.content.trim();
    if (!content) throw badInput('content is required', 'content');
    if (content.length > 10_000)
      throw badInput('content must be at most 10,000 characters', 'content');
    await liveClient(tx, tenantId, input.clientId);
    const row = await tx.clientNote.create({
      data: { tenantId, clientId: input.clientId, content, category: input.category ?? 'GENERAL' },
    });
    await logActivity(tx, tenantId, input.clientId, 'note.added', {
      noteId: row.id,
      category: row.category,
    });
    return row;
  });
