import { forbidden } from '@grahvani/shared';
import type { AuthUserResolvers } from '../../../resolvers-types.generated.ts';

export const AuthUser: AuthUserResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.authUser.load(ref.id),
  sessions: (user, _args, ctx) => {
    // Devices and addresses are the account holder's business only, administrators included.
    if (ctx.identity?.userId !== user.id)
      throw forbidden('Only the account itself can list its sessions');
    return ctx.loaders.activeSessions.load(user.id);
  },
};
