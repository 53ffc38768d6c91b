import { forbidden, requireIdentity } from '@grahvani/shared';
import type { UserResolvers } from '../../../resolvers-types.generated.ts';
import { listClients } from '../../../clientList.ts';
import { withTenant } from '../../../db.ts';

/** A client book is private: only its owner reads it. */
function ownerOnly(authUserId: string, identity: Parameters<typeof requireIdentity>[0]) {
  const viewer = requireIdentity(identity);
  if (viewer.userId !== authUserId) throw forbidden("Only the owner can read a user's clients");
  return viewer.userId;
}

export const User: UserResolvers = {
  __resolveReference: (ref) => ({ authUserId: ref.authUserId }),
  clients: (user, args, ctx) => listClients(ctx.db, ownerOnly(user.authUserId, ctx.identity), args),
  clientCount: (user, _args, ctx) => {
    const tenantId = ownerOnly(user.authUserId, ctx.identity);
    return withTenant(ctx.db, tenantId, (tx) =>
      tx.client.count({ where: { tenantId, deletedAt: null } }),
    );
  },
};
