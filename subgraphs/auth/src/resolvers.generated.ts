/* This file was automatically generated. DO NOT UPDATE MANUALLY. */
    import type   { Resolvers } from './resolvers-types.generated.js';
    import    { auditLog as Query_auditLog } from './schema/audit/resolvers/Query/auditLog.js';
import    { authUsers as Query_authUsers } from './schema/admin/resolvers/Query/authUsers.js';
import    { me as Query_me } from './schema/account/resolvers/Query/me.js';
import    { acceptInvitation as Mutation_acceptInvitation } from './schema/invitation/resolvers/Mutation/acceptInvitation.js';
import    { changePassword as Mutation_changePassword } from './schema/account/resolvers/Mutation/changePassword.js';
import    { inviteUser as Mutation_inviteUser } from './schema/invitation/resolvers/Mutation/inviteUser.js';
import    { login as Mutation_login } from './schema/account/resolvers/Mutation/login.js';
import    { logout as Mutation_logout } from './schema/session/resolvers/Mutation/logout.js';
import    { logoutAll as Mutation_logoutAll } from './schema/session/resolvers/Mutation/logoutAll.js';
import    { refreshSession as Mutation_refreshSession } from './schema/session/resolvers/Mutation/refreshSession.js';
import    { register as Mutation_register } from './schema/account/resolvers/Mutation/register.js';
import    { requestEmailVerification as Mutation_requestEmailVerification } from './schema/verification/resolvers/Mutation/requestEmailVerification.js';
import    { requestMagicLink as Mutation_requestMagicLink } from './schema/magiclink/resolvers/Mutation/requestMagicLink.js';
import    { requestPasswordReset as Mutation_requestPasswordReset } from './schema/recovery/resolvers/Mutation/requestPasswordReset.js';
import    { resetPassword as Mutation_resetPassword } from './schema/recovery/resolvers/Mutation/resetPassword.js';
import    { revokeSession as Mutation_revokeSession } from './schema/session/resolvers/Mutation/revokeSession.js';
import    { revokeUserSessions as Mutation_revokeUserSessions } from './schema/admin/resolvers/Mutation/revokeUserSessions.js';
import    { setUserRole as Mutation_setUserRole } from './schema/admin/resolvers/Mutation/setUserRole.js';
import    { setUserStatus as Mutation_setUserStatus } from './schema/admin/resolvers/Mutation/setUserStatus.js';
import    { signInWithMagicLink as Mutation_signInWithMagicLink } from './schema/magiclink/resolvers/Mutation/signInWithMagicLink.js';
import    { signInWithOAuth as Mutation_signInWithOAuth } from './schema/oauth/resolvers/Mutation/signInWithOAuth.js';
import    { unlinkOAuthAccount as Mutation_unlinkOAuthAccount } from './schema/oauth/resolvers/Mutation/unlinkOAuthAccount.js';
import    { verifyEmail as Mutation_verifyEmail } from './schema/verification/resolvers/Mutation/verifyEmail.js';
import    { AuditEvent } from './schema/audit/resolvers/AuditEvent.js';
import    { AuthUser as account_AuthUser } from './schema/account/resolvers/AuthUser.js';
import    { AuthUser as oauth_AuthUser } from './schema/oauth/resolvers/AuthUser.js';
import    { AuthUser as session_AuthUser } from './schema/session/resolvers/AuthUser.js';
import    { Session } from './schema/session/resolvers/Session.js';
import    { DateTimeResolver,EmailAddressResolver,JSONObjectResolver } from 'graphql-scalars';
    export const resolvers: Resolvers = {
      Query: { auditLog: Query_auditLog,authUsers: Query_authUsers,me: Query_me },
      Mutation: { acceptInvitation: Mutation_acceptInvitation,changePassword: Mutation_changePassword,inviteUser: Mutation_inviteUser,login: Mutation_login,logout: Mutation_logout,logoutAll: Mutation_logoutAll,refreshSession: Mutation_refreshSession,register: Mutation_register,requestEmailVerification: Mutation_requestEmailVerification,requestMagicLink: Mutation_requestMagicLink,requestPasswordReset: Mutation_requestPasswordReset,resetPassword: Mutation_resetPassword,revokeSession: Mutation_revokeSession,revokeUserSessions: Mutation_revokeUserSessions,setUserRole: Mutation_setUserRole,setUserStatus: Mutation_setUserStatus,signInWithMagicLink: Mutation_signInWithMagicLink,signInWithOAuth: Mutation_signInWithOAuth,unlinkOAuthAccount: Mutation_unlinkOAuthAccount,verifyEmail: Mutation_verifyEmail },
      
      AuditEvent: AuditEvent,
AuthUser: { ...account_AuthUser,...oauth_AuthUser,...session_AuthUser },
Session: Session,
DateTime: DateTimeResolver,
EmailAddress: EmailAddressResolver,
JSONObject: JSONObjectResolver
    }