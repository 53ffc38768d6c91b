import { DateTimeResolver, EmailAddressResolver } from 'graphql-scalars';
import type { Resolvers } from './resolvers-types.generated.ts';
import { AuthUser } from './schema/account/resolvers/AuthUser.ts';
import { login } from './schema/account/resolvers/Mutation/login.ts';
import { register } from './schema/account/resolvers/Mutation/register.ts';
import { me } from './schema/account/resolvers/Query/me.ts';
import { refreshSession } from './schema/session/resolvers/Mutation/refreshSession.ts';
import { setUserRole } from './schema/admin/resolvers/Mutation/setUserRole.ts';
import { setUserStatus } from './schema/admin/resolvers/Mutation/setUserStatus.ts';
import { authUsers } from './schema/admin/resolvers/Query/authUsers.ts';
import { acceptInvitation } from './schema/invitation/resolvers/Mutation/acceptInvitation.ts';
import { inviteUser } from './schema/invitation/resolvers/Mutation/inviteUser.ts';
import { requestMagicLink } from './schema/magiclink/resolvers/Mutation/requestMagicLink.ts';
import { signInWithMagicLink } from './schema/magiclink/resolvers/Mutation/signInWithMagicLink.ts';
import { AuthUserOAuth } from './schema/oauth/resolvers/AuthUser.ts';
import { signInWithOAuth } from './schema/oauth/resolvers/Mutation/signInWithOAuth.ts';
import { unlinkOAuthAccount } from './schema/oauth/resolvers/Mutation/unlinkOAuthAccount.ts';
import { requestPasswordReset } from './schema/recovery/resolvers/Mutation/requestPasswordReset.ts';
import { resetPassword } from './schema/recovery/resolvers/Mutation/resetPassword.ts';
import { requestEmailVerification } from './schema/verification/resolvers/Mutation/requestEmailVerification.ts';
import { verifyEmail } from './schema/verification/resolvers/Mutation/verifyEmail.ts';

/** The auth subgraph's resolver map, typed from its SDL. */
export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  EmailAddress: EmailAddressResolver,
  Query: { me },
  Mutation: { register, login, refreshSession },
  AuthUser,
};

// The account flows (recovery, verification, invitations, magic links, OAuth, administration),
// added beside the core map so that both halves of the auth service merge without conflicts.
resolvers.Query = { ...resolvers.Query, authUsers };
resolvers.Mutation = {
  ...resolvers.Mutation,
  requestPasswordReset,
  resetPassword,
  requestEmailVerification,
  verifyEmail,
  inviteUser,
  acceptInvitation,
  requestMagicLink,
  signInWithMagicLink,
  signInWithOAuth,
  unlinkOAuthAccount,
  setUserStatus,
  setUserRole,
};
resolvers.AuthUser = { ...resolvers.AuthUser, ...AuthUserOAuth };
