import { DateTimeResolver, EmailAddressResolver, JSONObjectResolver } from 'graphql-scalars';
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
import { setUserRole } from './schema/admin/resolvers/Mutation/setUserRole.ts';
import { revokeUserSessions } from './schema/admin/resolvers/Mutation/revokeUserSessions.ts';
import { setUserStatus } from './schema/admin/resolvers/Mutation/setUserStatus.ts';
import { authUsers } from './schema/admin/resolvers/Query/authUsers.ts';
import { AuditEvent } from './schema/audit/resolvers/AuditEvent.ts';
import { auditLog } from './schema/audit/resolvers/Query/auditLog.ts';
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
  JSONObject: JSONObjectResolver,
  Query: { me, authUsers, auditLog },
  Mutation: {
    register,
    login,
    refreshSession,
    changePassword,
    logout,
    logoutAll,
    revokeSession,
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
    revokeUserSessions,
  },
  AuthUser: { ...AuthUser, ...AuthUserOAuth },
  Session,
  AuditEvent,
};
