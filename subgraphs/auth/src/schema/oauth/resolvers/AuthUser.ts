import type { AuthUserResolvers } from '../../../resolvers-types.generated.ts';

/** The oauth module's fields of AuthUser. */
export const AuthUserOAuth: Pick<AuthUserResolvers, 'oauthAccounts'> = {
  oauthAccounts: (user, _args, ctx) => ctx.loaders.oauthAccountsByUser.load(user.id),
};
