import { visibleProfile } from '../../../profiles.ts';
import type { UserResolvers } from '../../../resolvers-types.generated.ts';

export const User: Pick<
  UserResolvers,
  | 'account'
  | 'authUserId'
  | 'avatarUrl'
  | 'bio'
  | 'createdAt'
  | 'dateOfBirth'
  | 'email'
  | 'gender'
  | 'id'
  | 'name'
  | 'updatedAt'
  | '__resolveReference'
> = {
  // Client.owner and every other reference: a DELETED account's profile resolves to null.
  __resolveReference: async (ref, ctx) => {
    if ('id' in ref && typeof ref.id === 'string') {
      return visibleProfile(await ctx.loaders.userById.load(ref.id));
    }
    if ('authUserId' in ref && typeof ref.authUserId === 'string') {
      return visibleProfile(await ctx.loaders.profileByAuthUserId.load(ref.authUserId));
    }
    return null;
  },
  account: (user) => ({ id: user.authUserId }),
};
