import { requireIdentity } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { validateClientInput } from '../../../../validation.ts';

export const createClient: NonNullable<MutationResolvers['createClient']> = async (
  _parent,
  { input },
  ctx,
) => {
  const { userId } = requireIdentity(ctx.identity);
  const data = validateClientInput(input);
  return ctx.db.$transaction(async (tx) => {
    const created = await tx.client.create({
      data: { ...data, name: data.name, tenantId: userId },
    });
    await tx.clientActivityLog.create({
      data: { tenantId: userId, clientId: created.id, action: 'client.created', metadata: {} },
    });
    return created;
  });
};
