import { selectsField } from '@grahvani/shared';
import type { UserResolvers } from '../../../resolvers-types.generated.ts';
import { listClients } from '../../../clientList.ts';

// A client book is private: only its owner reads it (SELF in the SDL), so the User's
// authUserId is the viewer's tenant here.
export const User: UserResolvers = {
  __resolveReference: (ref) => ({ authUserId: ref.authUserId }),
  clients: (user, args, ctx, info) =>
    listClients(ctx.reads, user.authUserId, args, selectsField(info, 'totalCount'), () =>
      ctx.clientCounts(user.authUserId, info.operation.operation),
    ),
  // The maintained counter: one row, however big the book, read once with `clients`' count.
  clientCount: (user, _args, ctx, info) =>
    ctx.clientCounts(user.authUserId, info.operation.operation),
};
