import { isUuid, notFound } from '@grahvani/shared';
import { logActivity } from '../../../../activity.ts';
import { owned } from '../../../../mappers.ts';
import { viewerProfile } from '../../../../access.ts';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { clearDefault, lockUser } from '../../lock.ts';
import { addressChanges } from '../../validate.ts';

export const updateAddress: NonNullable<MutationResolvers['updateAddress']> = async (
  _parent,
  { id, input },
  ctx,
) => {
  const changes = addressChanges(input);
  const me = await viewerProfile(ctx);
  if (!isUuid(id)) throw notFound('Address');
  const address = await ctx.db.$transaction(async (tx) => {
    await lockUser(tx, me.id);
    const existing = await tx.userAddress.findFirst({ where: { id, userId: me.id } });
    if (!existing) throw notFound('Address');
    if (changes.isDefault) await clearDefault(tx, me.id, id);
    const updated = await tx.userAddress.update({ where: { id }, data: changes });
    await logActivity(tx, ctx, me.id, 'address.update', {
      addressId: id,
      fields: Object.keys(changes),
    });
    return updated;
  });
  ctx.loaders.addressesByUserId.clear(me.id);
  return owned(address, me.authUserId);
};
