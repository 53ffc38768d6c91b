import { ownerOf, type AccessPolicy } from '@grahvani/shared';
import type { Context } from './context.ts';
import type { User } from './generated/prisma/client.ts';
import type { AddressModel, UserActivityModel } from './mappers.ts';

/** Who may read what in the users subgraph, for the `@access` rules of its SDL. */
export const accessPolicy: AccessPolicy<Context> = {
  viewer: (ctx) => ctx.identity,
  // A profile is its account's: SELF is the account whose profile it is.
  self: {
    User: ownerOf<User>((user) => user.authUserId),
    // Private records carry their owner from the field that loaded them (mappers.ts, owned).
    Address: ownerOf<AddressModel>((address) => address.ownerId),
    UserActivity: ownerOf<UserActivityModel>((entry) => entry.ownerId),
  },
};
