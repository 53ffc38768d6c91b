import type { AuthUserResolvers } from '../../../resolvers-types.generated.ts';

export const AuthUser: AuthUserResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.authUser.load(ref.id),
};
