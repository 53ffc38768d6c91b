import { forbidden } from '@grahvani/shared';
import type { AuthUserResolvers } from '../../../resolvers-types.generated.ts';

/** The oauth module's fields of AuthUser. */
export const AuthUserOAuth: Pick<AuthUserResolvers, 'oauthAccounts'> = {
  oauthAccounts: (user, _args, ctx) => {
    if (ctx.identity?.userId !== user.id && ctx.identity?.role !== 'ADMIN') throw forbidden();
    return ctx.loaders.oauthAccountsByUser.load(user.id);
  },
};
