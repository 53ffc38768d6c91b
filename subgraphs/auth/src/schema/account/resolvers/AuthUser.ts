import type { AuthUserResolvers } from '../../../resolvers-types.generated.ts';

export const AuthUser: AuthUserResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.authUser.load(ref.id),
  // Devices and addresses are the account holder's business only (SELF, administrators
  // included: see the SDL's @access).
  sessions: (user, _args, ctx) => ctx.loaders.activeSessions.load(user.id),
};
