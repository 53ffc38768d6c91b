import { DateTimeResolver, DateResolver } from 'graphql-scalars';
import type { Resolvers } from './resolvers-types.generated.ts';
import { AuthUser } from './schema/account/resolvers/AuthUser.ts';
import { user } from './schema/profile/resolvers/Query/user.ts';
import { User } from './schema/profile/resolvers/User.ts';

/** The users subgraph's resolver map, typed from its SDL. */
export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Date: DateResolver,
  Query: { user },
  User,
  AuthUser,
};
