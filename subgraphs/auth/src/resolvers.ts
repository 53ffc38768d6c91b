import { DateTimeResolver, EmailAddressResolver } from 'graphql-scalars';
import type { Resolvers } from './resolvers-types.generated.ts';
import { AuthUser } from './schema/account/resolvers/AuthUser.ts';
import { login } from './schema/account/resolvers/Mutation/login.ts';
import { register } from './schema/account/resolvers/Mutation/register.ts';
import { changePassword } from './schema/account/resolvers/Mutation/changePassword.ts';
import { me } from './schema/account/resolvers/Query/me.ts';
import { refreshSession } from './schema/session/resolvers/Mutation/refreshSession.ts';
import { logout } from './schema/session/resolvers/Mutation/logout.ts';
import { logoutAll } from './schema/session/resolvers/Mutation/logoutAll.ts';
import { revokeSession } from './schema/session/resolvers/Mutation/revokeSession.ts';
import { Session } from './schema/session/resolvers/Session.ts';

/** The auth subgraph's resolver map, typed from its SDL. */
export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  EmailAddress: EmailAddressResolver,
  Query: { me },
  Mutation: {
    register,
    login,
    refreshSession,
    changePassword,
    logout,
    logoutAll,
    revokeSession,
  },
  AuthUser,
  Session,
};
