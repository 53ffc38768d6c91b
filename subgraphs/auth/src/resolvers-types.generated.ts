import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AuthUser as AuthUserModel, AuthSession as AuthSessionModel, AuthOAuthAccount as AuthOAuthAccountModel, AuthInvitationToken as AuthInvitationTokenModel, AuthAuditLog as AuthAuditLogModel } from './generated/prisma/client.ts';
import type { Context } from './context.ts';
export type Maybe<T> = T | null | undefined;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type EnumResolverSignature<T, AllowedValues = any> = { [key in keyof T]?: AllowedValues };
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date-time in UTC, e.g. 2026-11-20T10:00:00.000Z. */
  DateTime: { input: Date | string; output: Date | string; }
  /** An email address (RFC 5322 addr-spec). */
  EmailAddress: { input: string; output: string; }
  /** A JSON object (not an array or a primitive). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** Accepting an invitation: the mailed token plus the new account's password and name. */
export type AcceptInvitationInput = {
  /** Display name, at most 200 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** 12 to 128 characters; common passwords are refused. */
  password: Scalars['String']['input'];
  /** The token from the invitation link. */
  token: Scalars['String']['input'];
};

/** The access rules of @access (README, "Security"). */
export type AccessRule =
  /** ADMINs only. */
  | 'ADMIN'
  /** Any signed-in account. */
  | 'AUTHENTICATED'
  /** Anyone, with or without an access token. */
  | 'PUBLIC'
  /** The account the object is (or is the profile of). */
  | 'SELF'
  /** The account itself and ADMINs. */
  | 'SELF_OR_ADMIN'
  /** The account itself, ADMINs and MODERATORs. */
  | 'SELF_OR_STAFF'
  /** ADMINs and MODERATORs. */
  | 'STAFF'
  /** The astrologer who owns the object (its tenant). */
  | 'TENANT';

/** What kind of act an audit event records. */
export type AuditAction =
  /**
   * The login throttle locked an account after repeated failures (actorLabel
   * `system:login-throttle`). after: `scope` (`address`: for the client address that failed;
   * `account`: for addresses it never signed in from) and `lockedUntil`.
   */
  | 'ACCOUNT_LOCKED'
  /** `npm run admin -- create-admin` created an ADMIN (actorLabel `cli:<OS user>`). */
  | 'ADMIN_CREATED'
  /** `npm run admin -- create-admin` promoted an existing account to active ADMIN. */
  | 'ADMIN_PROMOTED'
  /** An invitation was accepted; the target is the account it created. */
  | 'INVITATION_ACCEPTED'
  /** An ADMIN invited an address (no target yet). after: `invitationId`, `email`, `role`, `expiresAt`. */
  | 'INVITATION_SENT'
  /**
   * A pending invitation stopped being valid: superseded by a newer one, or its inviter demoted,
   * suspended or deleted (after: `reason`).
   */
  | 'INVITATION_VOIDED'
  /** An external sign-in (OpenID Connect) was linked to the account. */
  | 'OAUTH_LINKED'
  /** The account's owner unlinked an external sign-in. */
  | 'OAUTH_UNLINKED'
  /** A password reset was completed with a mailed token. before/after: `passwordChangedAt`. */
  | 'PASSWORD_RESET'
  /** An ADMIN changed an account's role (setUserRole). before/after: `role`. */
  | 'ROLE_CHANGED'
  /** An ADMIN signed an account out of every device (revokeUserSessions). */
  | 'SESSIONS_REVOKED'
  /** An account was suspended, reactivated or deleted (setUserStatus). before/after: `status`. */
  | 'STATUS_CHANGED';

/**
 * One administrative or security event. Events are append-only: the service can add them but
 * neither change nor remove them; they are deleted only after AUDIT_RETENTION_DAYS (400).
 */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  /** What happened. */
  action: AuditAction;
  /** The account that acted; null when the CLI or the system did (see actorLabel). */
  actor?: Maybe<AuthUser>;
  /** Who acted when no account did: `cli:<OS user>` (npm run admin) or `system:<component>`; null when actor is set. */
  actorLabel?: Maybe<Scalars['String']['output']>;
  /** The changed fields after the act; null for removals. */
  after?: Maybe<Scalars['JSONObject']['output']>;
  /** The changed fields before the act (never secrets or password hashes); null for creations. */
  before?: Maybe<Scalars['JSONObject']['output']>;
  /** When the act happened (its transaction's time). */
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Client address of the request that caused the act (null for the CLI). */
  ipAddress?: Maybe<Scalars['String']['output']>;
  /** The request's `x-request-id` (the gateway assigns one when the client sends none). */
  requestId?: Maybe<Scalars['String']['output']>;
  /** The account acted upon; null when there is none (an invitation not yet accepted). */
  target?: Maybe<AuthUser>;
};

/** A page of audit events, newest first. */
export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  edges: Array<AuditEventEdge>;
  pageInfo: PageInfo;
  /** Events matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One audit event and its cursor. */
export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  cursor: Scalars['String']['output'];
  node: AuditEvent;
};

/** Filters of auditLog; all given ones must match. */
export type AuditLogFilter = {
  action?: InputMaybe<AuditAction>;
  /** Events this account did. */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** Events at or after this time. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Events done to this account. */
  targetId?: InputMaybe<Scalars['ID']['input']>;
  /** Events before this time. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A signed-in session: a short-lived access token and a rotating refresh token. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** JWT for `Authorization: Bearer`; expires after 15 minutes. */
  accessToken: Scalars['String']['output'];
  accessTokenExpiresAt: Scalars['DateTime']['output'];
  /** Opaque; exchange it with refreshSession for a new pair. Single use. */
  refreshToken: Scalars['String']['output'];
  user: AuthUser;
};

/**
 * A sign-in identity: email, password or external logins, role and status (auth subgraph).
 * Private fields say who may read them; anyone else gets null with FORBIDDEN
 * (UNAUTHENTICATED without a token), on every path to the account.
 */
export type AuthUser = {
  __typename?: 'AuthUser';
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Lower-cased email address; unique. _The account itself and ADMINs._ */
  email?: Maybe<Scalars['String']['output']>;
  /** True once the owner proved control of the email address. _The account itself and ADMINs._ */
  emailVerified?: Maybe<Scalars['Boolean']['output']>;
  id: Scalars['ID']['output'];
  /** The last sign-in (any method). _The account itself and ADMINs._ */
  lastLoginAt?: Maybe<Scalars['DateTime']['output']>;
  /** Display name given at registration. */
  name?: Maybe<Scalars['String']['output']>;
  /** External sign-in identities linked to the account (the account itself or an ADMIN only). */
  oauthAccounts?: Maybe<Array<OAuthAccount>>;
  /** _The account itself, ADMINs and MODERATORs_ (who suspend and reactivate USER accounts). */
  role?: Maybe<UserRole>;
  /** The account's active sessions, newest first. Only the account itself may read them. */
  sessions?: Maybe<Array<Session>>;
  /** _The account itself, ADMINs and MODERATORs._ */
  status?: Maybe<UserStatus>;
  /** When the account last changed (a sign-in included). _The account itself and ADMINs._ */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A page of accounts, newest first. */
export type AuthUserConnection = {
  __typename?: 'AuthUserConnection';
  edges: Array<AuthUserEdge>;
  pageInfo: PageInfo;
  /** Accounts matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type AuthUserEdge = {
  __typename?: 'AuthUserEdge';
  cursor: Scalars['String']['output'];
  node: AuthUser;
};

/** Filters of authUsers; all given ones must match. */
export type AuthUserFilter = {
  role?: InputMaybe<UserRole>;
  /** Case-insensitive substring of the email or the name. */
  search?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<UserStatus>;
};

/** A pending invitation to create an account. */
export type Invitation = {
  __typename?: 'Invitation';
  /** The invited address (lower-cased); the account is created with it. */
  email: Scalars['String']['output'];
  /** The mailed token stops working at this time (7 days after sending). */
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Role the account receives on acceptance. */
  role: UserRole;
};

/** Credentials for a password sign-in. */
export type LoginInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Creates the invited account (email verified, status ACTIVE) and signs it in. Unknown, used or
   * expired token, or a weak password: BAD_USER_INPUT; the email registered meanwhile: CONFLICT.
   */
  acceptInvitation: AuthPayload;
  /**
   * Changes the viewer's password (the current one is required: BAD_USER_INPUT when wrong).
   * Keeps the current session and revokes every other one.
   */
  changePassword: Scalars['Boolean']['output'];
  /**
   * ADMIN only (others FORBIDDEN). Mails a single-use invitation valid for 7 days; a newer
   * invitation to the same address supersedes older ones. Role defaults to USER. An existing
   * account with this email: CONFLICT; more than 5 invitations to one address an hour: RATE_LIMITED.
   */
  inviteUser: Invitation;
  /**
   * Signs in with email and password. Unknown email and wrong password give the same
   * UNAUTHENTICATED error. Every attempt is recorded; after 5 failures within 15 minutes from one
   * client address, that account is RATE_LIMITED from that address for 15 minutes (the right
   * password included; other addresses are not locked). Past a higher number of failures across
   * addresses, addresses that never signed in to the account are RATE_LIMITED too; failures per
   * address across accounts are limited as well.
   */
  login: AuthPayload;
  /** Revokes the current session; its access token is refused everywhere within a second. */
  logout: Scalars['Boolean']['output'];
  /** Revokes every session of the viewer, this one included. */
  logoutAll: Scalars['Boolean']['output'];
  /**
   * Rotates the refresh token: the old one stops working. Presenting an already-rotated one
   * revokes the whole session (reuse detection). Unknown, revoked or expired: UNAUTHENTICATED.
   */
  refreshSession: TokenPair;
  /**
   * Creates an account (role USER, status PENDING_VERIFICATION) and signs it in. Malformed
   * emails and weak passwords: BAD_USER_INPUT; an email already registered: CONFLICT.
   */
  register: AuthPayload;
  /**
   * Mails the signed-in account a single-use verification link valid for 24 hours (a newer one
   * supersedes older links). True without mailing when the email is already verified.
   * Signed out: UNAUTHENTICATED; more than 5 requests an hour: RATE_LIMITED.
   */
  requestEmailVerification: Scalars['Boolean']['output'];
  /**
   * Passwordless sign-in: always true (no enumeration). Where the email belongs to an ACTIVE
   * account, mails a single-use link (`?token=...`) valid for 15 minutes, at most 5 an hour; a
   * newer link supersedes older ones. Malformed email: BAD_USER_INPUT.
   */
  requestMagicLink: Scalars['Boolean']['output'];
  /**
   * Always true, whether or not the email belongs to an account (no enumeration). An account
   * that can sign in is mailed a single-use reset link (`?token=...`) valid for one hour, at most
   * 5 an hour; a newer request supersedes older links. Malformed email: BAD_USER_INPUT.
   */
  requestPasswordReset: Scalars['Boolean']['output'];
  /**
   * Sets a new password with a mailed reset token, consumes the token and revokes every session
   * of the account. Unknown, used or expired token, or a weak password: BAD_USER_INPUT.
   */
  resetPassword: Scalars['Boolean']['output'];
  /** Revokes one of the viewer's sessions; NOT_FOUND when it is not theirs. */
  revokeSession: Scalars['Boolean']['output'];
  /**
   * ADMIN only. Signs the account out of every device (its access tokens are refused within a
   * second) and returns how many sessions ended. Unknown account: NOT_FOUND.
   */
  revokeUserSessions: Scalars['Int']['output'];
  /**
   * ADMIN only. Changing the role revokes the account's sessions (its tokens carry the role);
   * demoting the last active ADMIN: BAD_USER_INPUT.
   */
  setUserRole: AuthUser;
  /**
   * ADMIN: any status. MODERATOR: only SUSPENDED or ACTIVE, only on USER accounts (else
   * FORBIDDEN). Suspending or deleting revokes the account's sessions; the last active ADMIN
   * cannot be suspended or deleted (BAD_USER_INPUT).
   */
  setUserStatus: AuthUser;
  /** Consumes a magic-link token and signs in; an unknown, used or expired token: UNAUTHENTICATED. */
  signInWithMagicLink: AuthPayload;
  /**
   * Signs in with an ID token, creating the account on first use (email verified by the
   * provider required). An existing account is linked only when both its email and the token's
   * email are verified and equal (otherwise CONFLICT). Invalid or expired token, or a suspended
   * or deleted account: UNAUTHENTICATED. Provider not configured: BAD_USER_INPUT.
   */
  signInWithOAuth: AuthPayload;
  /**
   * Unlinks one of the viewer's external identities. BAD_USER_INPUT when it would leave the
   * account with no password and no other linked identity; not the viewer's: NOT_FOUND.
   */
  unlinkOAuthAccount: Scalars['Boolean']['output'];
  /**
   * Consumes a verification token: marks the email verified and activates a
   * PENDING_VERIFICATION account. Ends every other session of the account (all of them unless
   * the caller is signed in to it), so whoever registered the address first loses access.
   * Unknown, used or expired token: BAD_USER_INPUT.
   */
  verifyEmail: AuthUser;
};


export type MutationacceptInvitationArgs = {
  input: AcceptInvitationInput;
};


export type MutationchangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationinviteUserArgs = {
  email: Scalars['String']['input'];
  role?: InputMaybe<UserRole>;
};


export type MutationloginArgs = {
  input: LoginInput;
};


export type MutationrefreshSessionArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationregisterArgs = {
  input: RegisterInput;
};


export type MutationrequestMagicLinkArgs = {
  email: Scalars['String']['input'];
};


export type MutationrequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


export type MutationresetPasswordArgs = {
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


export type MutationrevokeSessionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationrevokeUserSessionsArgs = {
  id: Scalars['ID']['input'];
};


export type MutationsetUserRoleArgs = {
  id: Scalars['ID']['input'];
  role: UserRole;
};


export type MutationsetUserStatusArgs = {
  id: Scalars['ID']['input'];
  status: UserStatus;
};


export type MutationsignInWithMagicLinkArgs = {
  token: Scalars['String']['input'];
};


export type MutationsignInWithOAuthArgs = {
  input: OAuthSignInInput;
};


export type MutationunlinkOAuthAccountArgs = {
  id: Scalars['ID']['input'];
};


export type MutationverifyEmailArgs = {
  token: Scalars['String']['input'];
};

/** An external identity linked to an account. */
export type OAuthAccount = {
  __typename?: 'OAuthAccount';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  provider: OAuthProvider;
  /** The provider's stable subject identifier (the ID token's `sub`). */
  providerUserId: Scalars['String']['output'];
};

/** An external sign-in provider. Only providers in the server's configuration are accepted. */
export type OAuthProvider =
  | 'APPLE'
  | 'GITHUB'
  /** Google (preset issuer and keys; needs GOOGLE_CLIENT_ID or an OIDC_PROVIDERS entry). */
  | 'GOOGLE'
  | 'MICROSOFT'
  /** A generic OpenID Connect provider described in OIDC_PROVIDERS. */
  | 'OIDC';

/** An OpenID Connect ID token obtained by the frontend from a provider. */
export type OAuthSignInInput = {
  /** The provider's ID token (JWT); its signature, issuer, audience and expiry are checked. */
  idToken: Scalars['String']['input'];
  provider: OAuthProvider;
};

/** Pagination metadata of a connection (Relay). */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /**
   * ADMIN only (others FORBIDDEN). The audit trail, newest first; `first` is 0 to 100
   * (default 20). A malformed id or time range in the filter: BAD_USER_INPUT.
   */
  auditLog: AuditEventConnection;
  /** ADMIN only (others FORBIDDEN). Accounts, newest first; `first` is 0 to 100 (default 20). */
  authUsers: AuthUserConnection;
  /** The signed-in account; null when the request carries no access token. */
  me?: Maybe<AuthUser>;
};


export type QueryauditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryauthUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuthUserFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Fields to create an account. */
export type RegisterInput = {
  /** Any valid email address; stored lower-cased. */
  email: Scalars['String']['input'];
  /** Display name, at most 200 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** 12 to 128 characters; common passwords are refused. */
  password: Scalars['String']['input'];
};

/** A signed-in device: created by a sign-in, ended by logout, revocation or its absolute expiry. */
export type Session = {
  __typename?: 'Session';
  /** When the sign-in happened. */
  createdAt: Scalars['DateTime']['output'];
  /** True for the session of the access token that made this request. */
  current: Scalars['Boolean']['output'];
  /** desktop, mobile, tablet, smarttv, console, wearable, xr, embedded, other or unknown (from the user agent). */
  deviceType: Scalars['String']['output'];
  /** Absolute expiry (30 days after sign-in); refreshing does not extend it. */
  expiresAt: Scalars['DateTime']['output'];
  /** The session id (the `sid` claim of its access tokens). */
  id: Scalars['ID']['output'];
  /** Client address at sign-in. */
  ipAddress?: Maybe<Scalars['String']['output']>;
  /** Last refresh of the session's tokens. */
  lastUsedAt: Scalars['DateTime']['output'];
  /** User-Agent header at sign-in. */
  userAgent?: Maybe<Scalars['String']['output']>;
};

/** A new token pair from refreshSession. */
export type TokenPair = {
  __typename?: 'TokenPair';
  /** JWT for `Authorization: Bearer`; expires after 15 minutes. */
  accessToken: Scalars['String']['output'];
  /** When the new access token expires. */
  accessTokenExpiresAt: Scalars['DateTime']['output'];
  /** Opaque; replaces the one presented, which stops working. Single use. */
  refreshToken: Scalars['String']['output'];
};

/** What an account may do. Changing a role revokes the account's sessions. */
export type UserRole =
  /** May administer every account. */
  | 'ADMIN'
  /** May suspend and reactivate USER accounts. */
  | 'MODERATOR'
  /** An astrologer: owns a client book. */
  | 'USER';

/** Lifecycle state of an account. Only ACTIVE and PENDING_VERIFICATION accounts can sign in. */
export type UserStatus =
  | 'ACTIVE'
  | 'DELETED'
  | 'PENDING_VERIFICATION'
  | 'SUSPENDED';

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  AuthUser: AuthUser;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  AuthUser:
    ( { __typename: 'AuthUser' }
    & GraphQLRecursivePick<FederationTypes['AuthUser'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AcceptInvitationInput: AcceptInvitationInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AccessRule: ResolverTypeWrapper<'PUBLIC' | 'AUTHENTICATED' | 'SELF' | 'SELF_OR_ADMIN' | 'SELF_OR_STAFF' | 'TENANT' | 'STAFF' | 'ADMIN'>;
  AuditAction: ResolverTypeWrapper<'ROLE_CHANGED' | 'STATUS_CHANGED' | 'INVITATION_SENT' | 'INVITATION_ACCEPTED' | 'INVITATION_VOIDED' | 'ADMIN_CREATED' | 'ADMIN_PROMOTED' | 'SESSIONS_REVOKED' | 'ACCOUNT_LOCKED' | 'PASSWORD_RESET' | 'OAUTH_LINKED' | 'OAUTH_UNLINKED'>;
  AuditEvent: ResolverTypeWrapper<AuthAuditLogModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AuditEventConnection: ResolverTypeWrapper<Omit<AuditEventConnection, 'edges'> & { edges: Array<ResolversTypes['AuditEventEdge']> }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AuditEventEdge: ResolverTypeWrapper<Omit<AuditEventEdge, 'node'> & { node: ResolversTypes['AuditEvent'] }>;
  AuditLogFilter: AuditLogFilter;
  AuthPayload: ResolverTypeWrapper<Omit<AuthPayload, 'user'> & { user: ResolversTypes['AuthUser'] }>;
  AuthUser: ResolverTypeWrapper<AuthUserModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AuthUserConnection: ResolverTypeWrapper<Omit<AuthUserConnection, 'edges'> & { edges: Array<ResolversTypes['AuthUserEdge']> }>;
  AuthUserEdge: ResolverTypeWrapper<Omit<AuthUserEdge, 'node'> & { node: ResolversTypes['AuthUser'] }>;
  AuthUserFilter: AuthUserFilter;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EmailAddress: ResolverTypeWrapper<Scalars['EmailAddress']['output']>;
  Invitation: ResolverTypeWrapper<AuthInvitationTokenModel>;
  JSONObject: ResolverTypeWrapper<Scalars['JSONObject']['output']>;
  LoginInput: LoginInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OAuthAccount: ResolverTypeWrapper<AuthOAuthAccountModel>;
  OAuthProvider: ResolverTypeWrapper<'GOOGLE' | 'GITHUB' | 'MICROSOFT' | 'APPLE' | 'OIDC'>;
  OAuthSignInInput: OAuthSignInInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterInput: RegisterInput;
  Session: ResolverTypeWrapper<AuthSessionModel>;
  TokenPair: ResolverTypeWrapper<TokenPair>;
  UserRole: ResolverTypeWrapper<'USER' | 'MODERATOR' | 'ADMIN'>;
  UserStatus: ResolverTypeWrapper<'ACTIVE' | 'SUSPENDED' | 'PENDING_VERIFICATION' | 'DELETED'>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AcceptInvitationInput: AcceptInvitationInput;
  String: Scalars['String']['output'];
  AuditEvent: AuthAuditLogModel;
  ID: Scalars['ID']['output'];
  AuditEventConnection: Omit<AuditEventConnection, 'edges'> & { edges: Array<ResolversParentTypes['AuditEventEdge']> };
  Int: Scalars['Int']['output'];
  AuditEventEdge: Omit<AuditEventEdge, 'node'> & { node: ResolversParentTypes['AuditEvent'] };
  AuditLogFilter: AuditLogFilter;
  AuthPayload: Omit<AuthPayload, 'user'> & { user: ResolversParentTypes['AuthUser'] };
  AuthUser: AuthUserModel;
  Boolean: Scalars['Boolean']['output'];
  AuthUserConnection: Omit<AuthUserConnection, 'edges'> & { edges: Array<ResolversParentTypes['AuthUserEdge']> };
  AuthUserEdge: Omit<AuthUserEdge, 'node'> & { node: ResolversParentTypes['AuthUser'] };
  AuthUserFilter: AuthUserFilter;
  DateTime: Scalars['DateTime']['output'];
  EmailAddress: Scalars['EmailAddress']['output'];
  Invitation: AuthInvitationTokenModel;
  JSONObject: Scalars['JSONObject']['output'];
  LoginInput: LoginInput;
  Mutation: Record<PropertyKey, never>;
  OAuthAccount: AuthOAuthAccountModel;
  OAuthSignInInput: OAuthSignInInput;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RegisterInput: RegisterInput;
  Session: AuthSessionModel;
  TokenPair: TokenPair;
}>;

export type accessDirectiveArgs = {
  rule: AccessRule;
};

export type accessDirectiveResolver<Result, Parent, ContextType = Context, Args = accessDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AccessRuleResolvers = EnumResolverSignature<{ ADMIN?: any, AUTHENTICATED?: any, PUBLIC?: any, SELF?: any, SELF_OR_ADMIN?: any, SELF_OR_STAFF?: any, STAFF?: any, TENANT?: any }, ResolversTypes['AccessRule']>;

export type AuditActionResolvers = EnumResolverSignature<{ ACCOUNT_LOCKED?: any, ADMIN_CREATED?: any, ADMIN_PROMOTED?: any, INVITATION_ACCEPTED?: any, INVITATION_SENT?: any, INVITATION_VOIDED?: any, OAUTH_LINKED?: any, OAUTH_UNLINKED?: any, PASSWORD_RESET?: any, ROLE_CHANGED?: any, SESSIONS_REVOKED?: any, STATUS_CHANGED?: any }, ResolversTypes['AuditAction']>;

export type AuditEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEvent'] = ResolversParentTypes['AuditEvent']> = ResolversObject<{
  action?: Resolver<ResolversTypes['AuditAction'], ParentType, ContextType>;
  actor?: Resolver<Maybe<ResolversTypes['AuthUser']>, ParentType, ContextType>;
  actorLabel?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  after?: Resolver<Maybe<ResolversTypes['JSONObject']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['JSONObject']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ipAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['AuthUser']>, ParentType, ContextType>;
}>;

export type AuditEventConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEventConnection'] = ResolversParentTypes['AuditEventConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AuditEventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AuditEventEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEventEdge'] = ResolversParentTypes['AuditEventEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEvent'], ParentType, ContextType>;
}>;

export type AuthPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = ResolversObject<{
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  accessTokenExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['AuthUser'], ParentType, ContextType>;
}>;

export type AuthUserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuthUser'] = ResolversParentTypes['AuthUser'], FederationReferenceType extends FederationReferenceTypes['AuthUser'] = FederationReferenceTypes['AuthUser']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AuthUser']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  emailVerified?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastLoginAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  oauthAccounts?: Resolver<Maybe<Array<ResolversTypes['OAuthAccount']>>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['UserRole']>, ParentType, ContextType>;
  sessions?: Resolver<Maybe<Array<ResolversTypes['Session']>>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['UserStatus']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type AuthUserConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuthUserConnection'] = ResolversParentTypes['AuthUserConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AuthUserEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AuthUserEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuthUserEdge'] = ResolversParentTypes['AuthUserEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuthUser'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface EmailAddressScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['EmailAddress'], any> {
  name: 'EmailAddress';
}

export type InvitationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Invitation'] = ResolversParentTypes['Invitation']> = ResolversObject<{
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['UserRole'], ParentType, ContextType>;
}>;

export interface JSONObjectScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSONObject'], any> {
  name: 'JSONObject';
}

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  acceptInvitation?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationacceptInvitationArgs, 'input'>>;
  changePassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationchangePasswordArgs, 'currentPassword' | 'newPassword'>>;
  inviteUser?: Resolver<ResolversTypes['Invitation'], ParentType, ContextType, RequireFields<MutationinviteUserArgs, 'email'>>;
  login?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationloginArgs, 'input'>>;
  logout?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  logoutAll?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  refreshSession?: Resolver<ResolversTypes['TokenPair'], ParentType, ContextType, RequireFields<MutationrefreshSessionArgs, 'refreshToken'>>;
  register?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationregisterArgs, 'input'>>;
  requestEmailVerification?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  requestMagicLink?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationrequestMagicLinkArgs, 'email'>>;
  requestPasswordReset?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationrequestPasswordResetArgs, 'email'>>;
  resetPassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationresetPasswordArgs, 'newPassword' | 'token'>>;
  revokeSession?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationrevokeSessionArgs, 'id'>>;
  revokeUserSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationrevokeUserSessionsArgs, 'id'>>;
  setUserRole?: Resolver<ResolversTypes['AuthUser'], ParentType, ContextType, RequireFields<MutationsetUserRoleArgs, 'id' | 'role'>>;
  setUserStatus?: Resolver<ResolversTypes['AuthUser'], ParentType, ContextType, RequireFields<MutationsetUserStatusArgs, 'id' | 'status'>>;
  signInWithMagicLink?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationsignInWithMagicLinkArgs, 'token'>>;
  signInWithOAuth?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationsignInWithOAuthArgs, 'input'>>;
  unlinkOAuthAccount?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationunlinkOAuthAccountArgs, 'id'>>;
  verifyEmail?: Resolver<ResolversTypes['AuthUser'], ParentType, ContextType, RequireFields<MutationverifyEmailArgs, 'token'>>;
}>;

export type OAuthAccountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OAuthAccount'] = ResolversParentTypes['OAuthAccount']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['OAuthProvider'], ParentType, ContextType>;
  providerUserId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type OAuthProviderResolvers = EnumResolverSignature<{ APPLE?: any, GITHUB?: any, GOOGLE?: any, MICROSOFT?: any, OIDC?: any }, ResolversTypes['OAuthProvider']>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  auditLog?: Resolver<ResolversTypes['AuditEventConnection'], ParentType, ContextType, Partial<QueryauditLogArgs>>;
  authUsers?: Resolver<ResolversTypes['AuthUserConnection'], ParentType, ContextType, Partial<QueryauthUsersArgs>>;
  me?: Resolver<Maybe<ResolversTypes['AuthUser']>, ParentType, ContextType>;
}>;

export type SessionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  deviceType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ipAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastUsedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type TokenPairResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TokenPair'] = ResolversParentTypes['TokenPair']> = ResolversObject<{
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  accessTokenExpiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UserRoleResolvers = EnumResolverSignature<{ ADMIN?: any, MODERATOR?: any, USER?: any }, ResolversTypes['UserRole']>;

export type UserStatusResolvers = EnumResolverSignature<{ ACTIVE?: any, DELETED?: any, PENDING_VERIFICATION?: any, SUSPENDED?: any }, ResolversTypes['UserStatus']>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  AccessRule?: AccessRuleResolvers;
  AuditAction?: AuditActionResolvers;
  AuditEvent?: AuditEventResolvers<ContextType>;
  AuditEventConnection?: AuditEventConnectionResolvers<ContextType>;
  AuditEventEdge?: AuditEventEdgeResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  AuthUser?: AuthUserResolvers<ContextType>;
  AuthUserConnection?: AuthUserConnectionResolvers<ContextType>;
  AuthUserEdge?: AuthUserEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EmailAddress?: GraphQLScalarType;
  Invitation?: InvitationResolvers<ContextType>;
  JSONObject?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  OAuthAccount?: OAuthAccountResolvers<ContextType>;
  OAuthProvider?: OAuthProviderResolvers;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Session?: SessionResolvers<ContextType>;
  TokenPair?: TokenPairResolvers<ContextType>;
  UserRole?: UserRoleResolvers;
  UserStatus?: UserStatusResolvers;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  access?: accessDirectiveResolver<any, any, ContextType>;
}>;
