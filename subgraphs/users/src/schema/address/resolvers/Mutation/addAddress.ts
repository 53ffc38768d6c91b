import { badInput } from '@grahvani/shared';
import { logActivity } from '../../../../activity.ts';
import { owned } from '../../../../mappers.ts';
import { viewerProfile } from '../../../../access.ts';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { clearDefault, lockUser, MAX_ADDRESSES } from '../../lock.ts';
import { newAddress } from '../../validate.ts';

export const addAddress: NonNullable<MutationResolvers['addAddress']> = async (
  _parent,
  { input },
  ctx,
) => {
  const data = newAddress(input);
  const me = await viewerProfile(ctx);
  const address = await ctx.db.$transaction(async (tx) => {
    await lockUser(tx, me.id);
    if ((await tx.userAddress.count({ where: { userId: me.id } })) >= MAX_ADDRESSES) {
      throw badInput(`At most ${MAX_ADDRESSES} addresses`, 'input');
    }
    if (data.isDefault) await clearDefault(tx, me.id);
    const created = await tx.userAddress.create({ data: { ...data, userId: me.id } });
    await logActivity(tx, ctx, me.id, 'address.add', {
      addressId: created.id,
      isDefault: data.isDefault,
    });
    return created;
  });
  ctx.loaders.addressesByUserId.clear(me.id);
  return owned(address, me.authUserId);
};
