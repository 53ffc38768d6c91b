import { notFound } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { idempotent } from '../../../../idempotency.ts';
import { logActivity } from '../../../../activityLog.ts';
import { validated } from '../../../../validated.ts';
import { inViewerTenant } from '../../../../tenant.ts';
import { validateClientInput } from '../../../../validation.ts';

export const createClient: NonNullable<MutationResolvers['createClient']> = async (
  _parent,
  { input },
  ctx,
) =>
  inViewerTenant(ctx, async (tx, tenantId) => {
    const data = validated(() => validateClientInput(input));
    return idempotent(tx, {
      tenantId,
      key: ctx.idempotencyKey,
      operation: 'createClient',
      body: input,
      async run() {
        const created = await tx.client.create({ data: { ...data, tenantId } });
        await logActivity(tx, tenantId, created.id, 'client.created');
        return { result: created, response: { clientId: created.id } };
      },
      async replay(response) {
        const id = (response as { clientId?: unknown } | null)?.clientId;
        const first =
          typeof id === 'string'
            ? await tx.client.findFirst({ where: { id, tenantId, deletedAt: null } })
            : null;
        if (!first) throw notFound('Client');
        return first;
      },
    });
  });
