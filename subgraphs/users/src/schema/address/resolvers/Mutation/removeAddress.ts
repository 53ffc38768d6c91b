import { isUuid, notFound } from '@grahvani/shared';
import { logActivity } from '../../../../activity.ts';
import { viewerProfile } from '../../../../access.ts';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { lockUser } from '../../lock.ts';

export const removeAddress: NonNullable<MutationResolvers['removeAddress']> = async (
  _parent,
  { id },
  ctx,
) => {
  const me = await viewerProfile(ctx);
  if (!isUuid(id)) throw notFound('Address');
  await ctx.db.$transaction(async (tx) => {
    await lockUser(tx, me.id);
    const { count } = await tx.userAddress.deleteMany({ where: { id, userId: me.id } });
    if (count === 0) throw notFound('Address');
    await logActivity(tx, ctx, me.id, 'address.remove', { addressId: id });
  });
  ctx.loaders.addressesByUserId.clear(me.id);
  return true;
};
