import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { User as UserModel } from './generated/prisma/client.ts';
import type { AuthUserRef as AuthUserRefModel, AddressModel as AddressModelModel, UserActivityModel as UserActivityModelModel, FollowEdgeModel as FollowEdgeModelModel } from './mappers.ts';
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
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: Date | string; output: Date | string; }
  /** An ISO-8601 date-time in UTC, e.g. 2026-11-20T10:00:00.000Z. */
  DateTime: { input: Date | string; output: Date | string; }
  /** A JSON object (not an array or a primitive). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** An absolute URL; this API accepts only http and https URLs. */
  URL: { input: URL | string; output: URL | string; }
  _FieldSet: { input: unknown; output: unknown; }
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

/** A postal address of a user. At most one address per user is the default. */
export type Address = {
  __typename?: 'Address';
  /** 1 to 100 characters. */
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2 country code, upper case (e.g. GB). */
  country: Scalars['String']['output'];
  /** When the address was added. */
  createdAt: Scalars['DateTime']['output'];
  /** Pass it to updateAddress and removeAddress. */
  id: Scalars['ID']['output'];
  /** True for the user's one default address. */
  isDefault: Scalars['Boolean']['output'];
  /** First line (street and number), 1 to 200 characters. */
  line1: Scalars['String']['output'];
  /** Second line (flat, building), at most 200 characters. */
  line2?: Maybe<Scalars['String']['output']>;
  /** At most 20 characters. */
  postalCode?: Maybe<Scalars['String']['output']>;
  /** State, province or region, at most 100 characters. */
  state?: Maybe<Scalars['String']['output']>;
  /** What the address is used for. */
  type: AddressType;
  /** When the address last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/**
 * A new address. line1 and city: 1 to 200 and 100 characters; line2 and state: at most 200 and
 * 100; postalCode: at most 20; country: an ISO 3166-1 alpha-2 code (any case).
 */
export type AddressInput = {
  city: Scalars['String']['input'];
  country: Scalars['String']['input'];
  /** Makes this the default address (the previous default stops being one). */
  isDefault?: InputMaybe<Scalars['Boolean']['input']>;
  line1: Scalars['String']['input'];
  line2?: InputMaybe<Scalars['String']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<Scalars['String']['input']>;
  /** HOME unless given. */
  type?: InputMaybe<AddressType>;
};

/** What an address is used for. */
export type AddressType =
  /** Where invoices go. */
  | 'BILLING'
  /** Where the user lives. */
  | 'HOME'
  /** Anything else. */
  | 'OTHER'
  /** Where the user works. */
  | 'WORK';

/**
 * Changes to an address. Omitted fields keep their value; null clears an optional field.
 * isDefault true makes it the default (atomically replacing the previous one).
 */
export type AddressUpdateInput = {
  city?: InputMaybe<Scalars['String']['input']>;
  country?: InputMaybe<Scalars['String']['input']>;
  isDefault?: InputMaybe<Scalars['Boolean']['input']>;
  line1?: InputMaybe<Scalars['String']['input']>;
  line2?: InputMaybe<Scalars['String']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<AddressType>;
};

export type AuthUser = {
  __typename?: 'AuthUser';
  id: Scalars['ID']['output'];
  /**
   * The account's profile, created on first access. It takes the account's email and name from
   * the account's own access token, never from the request.
   */
  profile?: Maybe<User>;
};

/** A page of users who follow, or are followed by, a user: most recent follow first. */
export type FollowConnection = {
  __typename?: 'FollowConnection';
  /** The users of this page. */
  edges: Array<FollowEdge>;
  /** Where this page sits in the list. */
  pageInfo: PageInfo;
  /** How many users are in the whole list (all pages). */
  totalCount: Scalars['Int']['output'];
};

/** One follow relation seen from a user's followers or following list. */
export type FollowEdge = {
  __typename?: 'FollowEdge';
  /** Opaque; pass it as `after` to get the next page. */
  cursor: Scalars['String']['output'];
  /** When the follow started. */
  followedAt: Scalars['DateTime']['output'];
  /** The other user. */
  node: User;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds an address to the viewer's profile (at most 20). Invalid fields: BAD_USER_INPUT. */
  addAddress: Address;
  /**
   * The viewer follows the user with this id (User.id) and gets that user back. Idempotent.
   * Following oneself: BAD_USER_INPUT; an unknown user: NOT_FOUND.
   */
  follow: User;
  /** Deletes one of the viewer's addresses; NOT_FOUND for any other id. Returns true. */
  removeAddress: Scalars['Boolean']['output'];
  /** The viewer stops following this user and gets that user back. Idempotent. */
  unfollow: User;
  /** Changes one of the viewer's addresses; NOT_FOUND for any other id. */
  updateAddress: Address;
  /** Replaces the viewer's settings object. At most 16 KB of JSON, else BAD_USER_INPUT. */
  updatePreferences: User;
  /**
   * Updates the viewer's own profile (UNAUTHENTICATED without a token). Invalid values
   * (non-http URL, future date, too long text): BAD_USER_INPUT, nothing is written.
   */
  updateProfile: User;
};


export type MutationaddAddressArgs = {
  input: AddressInput;
};


export type MutationfollowArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationremoveAddressArgs = {
  id: Scalars['ID']['input'];
};


export type MutationunfollowArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationupdateAddressArgs = {
  id: Scalars['ID']['input'];
  input: AddressUpdateInput;
};


export type MutationupdatePreferencesArgs = {
  settings: Scalars['JSONObject']['input'];
};


export type MutationupdateProfileArgs = {
  input: UpdateProfileInput;
};

/** Pagination metadata of a connection (Relay). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge: pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when a page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when this page was asked for with a cursor (`after`). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge; null on an empty page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /**
   * Any user's profile by User.id, for anyone (public fields; private ones per the User
   * description); null when there is none.
   */
  user?: Maybe<User>;
};


export type QueryuserArgs = {
  id: Scalars['ID']['input'];
};

/**
 * Changes to the viewer's profile. Omitted fields keep their value; an explicit null clears
 * a field.
 */
export type UpdateProfileInput = {
  /** http or https only, at most 2,048 characters. */
  avatarUrl?: InputMaybe<Scalars['URL']['input']>;
  /** At most 2,000 characters. */
  bio?: InputMaybe<Scalars['String']['input']>;
  /** A real date in the past. */
  dateOfBirth?: InputMaybe<Scalars['Date']['input']>;
  /** At most 32 characters. */
  gender?: InputMaybe<Scalars['String']['input']>;
  /** At most 200 characters; blank clears it. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A person's profile (users subgraph). Every account has one, created on first need.
 *
 * Privacy: the fields marked _private_ (email, preferences, addresses, activity) are readable
 * only by the profile's owner and by ADMINs. For anyone else they resolve to null with a
 * FORBIDDEN error (UNAUTHENTICATED without an access token); the public fields of the same
 * response are unaffected.
 */
export type User = {
  __typename?: 'User';
  /** The sign-in account (auth subgraph). */
  account?: Maybe<AuthUser>;
  /** _Private._ The user's audit trail, newest first. `first`: 0 to 100 (default 20). */
  activity?: Maybe<UserActivityConnection>;
  /** _Private._ The user's addresses, the default first, then oldest first. */
  addresses?: Maybe<Array<Address>>;
  /** The account this profile belongs to (AuthUser.id). */
  authUserId: Scalars['ID']['output'];
  /** An http or https URL of the profile picture. */
  avatarUrl?: Maybe<Scalars['URL']['output']>;
  /** Free text, at most 2,000 characters. */
  bio?: Maybe<Scalars['String']['output']>;
  /** When the profile was created. */
  createdAt: Scalars['DateTime']['output'];
  /** A date in the past. */
  dateOfBirth?: Maybe<Scalars['Date']['output']>;
  /** _Private._ The account's email address as the profile last saw it. */
  email?: Maybe<Scalars['String']['output']>;
  /** How many users follow this user. */
  followerCount: Scalars['Int']['output'];
  /** Users who follow this user, most recent first. `first`: 0 to 100 (default 20). */
  followers?: Maybe<FollowConnection>;
  /** Users this user follows, most recent first. `first`: 0 to 100 (default 20). */
  following?: Maybe<FollowConnection>;
  /** How many users this user follows. */
  followingCount: Scalars['Int']['output'];
  /** As the person describes it, at most 32 characters. */
  gender?: Maybe<Scalars['String']['output']>;
  /** The profile's own id (not the account's). */
  id: Scalars['ID']['output'];
  /** Display name, at most 200 characters. */
  name?: Maybe<Scalars['String']['output']>;
  /** _Private._ The user's settings object (theme, ayanamsa...); {} until set. */
  preferences?: Maybe<Scalars['JSONObject']['output']>;
  /** When the profile last changed (including its follower counts). */
  updatedAt: Scalars['DateTime']['output'];
};


/**
 * A person's profile (users subgraph). Every account has one, created on first need.
 *
 * Privacy: the fields marked _private_ (email, preferences, addresses, activity) are readable
 * only by the profile's owner and by ADMINs. For anyone else they resolve to null with a
 * FORBIDDEN error (UNAUTHENTICATED without an access token); the public fields of the same
 * response are unaffected.
 */
export type UseractivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A person's profile (users subgraph). Every account has one, created on first need.
 *
 * Privacy: the fields marked _private_ (email, preferences, addresses, activity) are readable
 * only by the profile's owner and by ADMINs. For anyone else they resolve to null with a
 * FORBIDDEN error (UNAUTHENTICATED without an access token); the public fields of the same
 * response are unaffected.
 */
export type UserfollowersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A person's profile (users subgraph). Every account has one, created on first need.
 *
 * Privacy: the fields marked _private_ (email, preferences, addresses, activity) are readable
 * only by the profile's owner and by ADMINs. For anyone else they resolve to null with a
 * FORBIDDEN error (UNAUTHENTICATED without an access token); the public fields of the same
 * response are unaffected.
 */
export type UserfollowingArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One entry of a user's audit trail, written by every change the user makes here. */
export type UserActivity = {
  __typename?: 'UserActivity';
  /** What happened, e.g. profile.update, address.add, user.follow. */
  action: Scalars['String']['output'];
  /** When it happened. */
  createdAt: Scalars['DateTime']['output'];
  /** The log entry's id. */
  id: Scalars['ID']['output'];
  /** Details of the change (changed fields, ids involved). */
  metadata: Scalars['JSONObject']['output'];
};

/** A page of a user's activity, newest first. */
export type UserActivityConnection = {
  __typename?: 'UserActivityConnection';
  /** The entries of this page. */
  edges: Array<UserActivityEdge>;
  /** Where this page sits in the trail. */
  pageInfo: PageInfo;
};

/** One entry of a page of activity. */
export type UserActivityEdge = {
  __typename?: 'UserActivityEdge';
  /** Opaque; pass it as `after` to get the next page. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: UserActivity;
};

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
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  AuthUser:
    ( { __typename: 'AuthUser' }
    & GraphQLRecursivePick<FederationTypes['AuthUser'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & ( GraphQLRecursivePick<FederationTypes['User'], {"id":true}>
        | GraphQLRecursivePick<FederationTypes['User'], {"authUserId":true}> ) );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AccessRule: ResolverTypeWrapper<'PUBLIC' | 'AUTHENTICATED' | 'SELF' | 'SELF_OR_ADMIN' | 'SELF_OR_STAFF' | 'TENANT' | 'STAFF' | 'ADMIN'>;
  Address: ResolverTypeWrapper<AddressModelModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AddressInput: AddressInput;
  AddressType: ResolverTypeWrapper<'HOME' | 'WORK' | 'BILLING' | 'OTHER'>;
  AddressUpdateInput: AddressUpdateInput;
  AuthUser: ResolverTypeWrapper<AuthUserRefModel>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FollowConnection: ResolverTypeWrapper<Omit<FollowConnection, 'edges'> & { edges: Array<ResolversTypes['FollowEdge']> }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  FollowEdge: ResolverTypeWrapper<FollowEdgeModelModel>;
  JSONObject: ResolverTypeWrapper<Scalars['JSONObject']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  URL: ResolverTypeWrapper<Scalars['URL']['output']>;
  UpdateProfileInput: UpdateProfileInput;
  User: ResolverTypeWrapper<UserModel>;
  UserActivity: ResolverTypeWrapper<UserActivityModelModel>;
  UserActivityConnection: ResolverTypeWrapper<Omit<UserActivityConnection, 'edges'> & { edges: Array<ResolversTypes['UserActivityEdge']> }>;
  UserActivityEdge: ResolverTypeWrapper<Omit<UserActivityEdge, 'node'> & { node: ResolversTypes['UserActivity'] }>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: AddressModelModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  AddressInput: AddressInput;
  AddressUpdateInput: AddressUpdateInput;
  AuthUser: AuthUserRefModel;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  FollowConnection: Omit<FollowConnection, 'edges'> & { edges: Array<ResolversParentTypes['FollowEdge']> };
  Int: Scalars['Int']['output'];
  FollowEdge: FollowEdgeModelModel;
  JSONObject: Scalars['JSONObject']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  URL: Scalars['URL']['output'];
  UpdateProfileInput: UpdateProfileInput;
  User: UserModel;
  UserActivity: UserActivityModelModel;
  UserActivityConnection: Omit<UserActivityConnection, 'edges'> & { edges: Array<ResolversParentTypes['UserActivityEdge']> };
  UserActivityEdge: Omit<UserActivityEdge, 'node'> & { node: ResolversParentTypes['UserActivity'] };
}>;

export type accessDirectiveArgs = {
  rule: AccessRule;
};

export type accessDirectiveResolver<Result, Parent, ContextType = Context, Args = accessDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AccessRuleResolvers = EnumResolverSignature<{ ADMIN?: any, AUTHENTICATED?: any, PUBLIC?: any, SELF?: any, SELF_OR_ADMIN?: any, SELF_OR_STAFF?: any, STAFF?: any, TENANT?: any }, ResolversTypes['AccessRule']>;

export type AddressResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  line1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['AddressType'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type AddressTypeResolvers = EnumResolverSignature<{ BILLING?: any, HOME?: any, OTHER?: any, WORK?: any }, ResolversTypes['AddressType']>;

export type AuthUserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuthUser'] = ResolversParentTypes['AuthUser'], FederationReferenceType extends FederationReferenceTypes['AuthUser'] = FederationReferenceTypes['AuthUser']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['AuthUser']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  profile?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FollowConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FollowConnection'] = ResolversParentTypes['FollowConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['FollowEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type FollowEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FollowEdge'] = ResolversParentTypes['FollowEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  followedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export interface JSONObjectScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSONObject'], any> {
  name: 'JSONObject';
}

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addAddress?: Resolver<ResolversTypes['Address'], ParentType, ContextType, RequireFields<MutationaddAddressArgs, 'input'>>;
  follow?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationfollowArgs, 'userId'>>;
  removeAddress?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationremoveAddressArgs, 'id'>>;
  unfollow?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationunfollowArgs, 'userId'>>;
  updateAddress?: Resolver<ResolversTypes['Address'], ParentType, ContextType, RequireFields<MutationupdateAddressArgs, 'id' | 'input'>>;
  updatePreferences?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationupdatePreferencesArgs, 'settings'>>;
  updateProfile?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationupdateProfileArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryuserArgs, 'id'>>;
}>;

export interface URLScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['URL'], any> {
  name: 'URL';
}

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  account?: Resolver<Maybe<ResolversTypes['AuthUser']>, ParentType, ContextType>;
  activity?: Resolver<Maybe<ResolversTypes['UserActivityConnection']>, ParentType, ContextType, Partial<UseractivityArgs>>;
  addresses?: Resolver<Maybe<Array<ResolversTypes['Address']>>, ParentType, ContextType>;
  authUserId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  avatarUrl?: Resolver<Maybe<ResolversTypes['URL']>, ParentType, ContextType>;
  bio?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dateOfBirth?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  followerCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  followers?: Resolver<Maybe<ResolversTypes['FollowConnection']>, ParentType, ContextType, Partial<UserfollowersArgs>>;
  following?: Resolver<Maybe<ResolversTypes['FollowConnection']>, ParentType, ContextType, Partial<UserfollowingArgs>>;
  followingCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  gender?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  preferences?: Resolver<Maybe<ResolversTypes['JSONObject']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type UserActivityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserActivity'] = ResolversParentTypes['UserActivity']> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metadata?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
}>;

export type UserActivityConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserActivityConnection'] = ResolversParentTypes['UserActivityConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['UserActivityEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type UserActivityEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserActivityEdge'] = ResolversParentTypes['UserActivityEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['UserActivity'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  AccessRule?: AccessRuleResolvers;
  Address?: AddressResolvers<ContextType>;
  AddressType?: AddressTypeResolvers;
  AuthUser?: AuthUserResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  FollowConnection?: FollowConnectionResolvers<ContextType>;
  FollowEdge?: FollowEdgeResolvers<ContextType>;
  JSONObject?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  URL?: GraphQLScalarType;
  User?: UserResolvers<ContextType>;
  UserActivity?: UserActivityResolvers<ContextType>;
  UserActivityConnection?: UserActivityConnectionResolvers<ContextType>;
  UserActivityEdge?: UserActivityEdgeResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  access?: accessDirectiveResolver<any, any, ContextType>;
}>;
