import { logActivity } from '../../../../activity.ts';
import { viewerProfile } from '../../../../access.ts';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { profileChanges } from '../../validate.ts';

export const updateProfile: NonNullable<MutationResolvers['updateProfile']> = async (
  _parent,
  { input },
  ctx,
) => {
  const changes = profileChanges(input);
  const me = await viewerProfile(ctx);
  const user = await ctx.db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: me.id }, data: changes });
    await logActivity(tx, ctx, me.id, 'profile.update', { fields: Object.keys(changes) });
    return updated;
  });
  ctx.loaders.userById.clear(user.id).prime(user.id, user);
  return user;
};
