import type { AuthUserResolvers } from '../../../resolvers-types.generated.ts';

export const AuthUser: Pick<
  AuthUserResolvers,
  | 'createdAt'
  | 'email'
  | 'emailVerified'
  | 'id'
  | 'lastLoginAt'
  | 'name'
  | 'role'
  | 'status'
  | 'updatedAt'
  | '__resolveReference'
> = {
  __resolveReference: (ref, ctx) => ctx.loaders.authUser.load(ref.id),
};
