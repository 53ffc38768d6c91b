import type { AuthUserResolvers } from '../../../resolvers-types.generated.ts';

/** The session module's field of AuthUser. */
export const AuthUser: Pick<AuthUserResolvers, 'sessions' | '__resolveReference'> = {
  // Devices are the account holder's business only (SELF: see the SDL's @access).
  sessions: (user, _args, ctx) => ctx.loaders.activeSessions.load(user.id),
};
