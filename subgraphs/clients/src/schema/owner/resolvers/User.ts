import type { UserResolvers } from '../../../resolvers-types.generated.ts';
import { listClients } from '../../../clientList.ts';
import { withTenant } from '../../../db.ts';

// A client book is private: only its owner reads it (SELF in the SDL), so the User's
// authUserId is the viewer's tenant here.
export const User: UserResolvers = {
  __resolveReference: (ref) => ({ authUserId: ref.authUserId }),
  clients: (user, args, ctx) => listClients(ctx.db, user.authUserId, args),
  clientCount: (user, _args, ctx) =>
    withTenant(ctx.db, user.authUserId, (tx) =>
      tx.client.count({ where: { tenantId: user.authUserId, deletedAt: null } }),
    ),
};
