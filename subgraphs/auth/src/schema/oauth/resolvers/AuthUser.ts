import type { AuthUserResolvers } from '../../../resolvers-types.generated.ts';

/** The oauth module's fields of AuthUser. */
export const AuthUser: Pick<AuthUserResolvers, 'oauthAccounts' | '__resolveReference'> = {
  oauthAccounts: (user, _args, ctx) => ctx.loaders.oauthAccountsByUser.load(user.id),
};
