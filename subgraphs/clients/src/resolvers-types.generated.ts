import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Client as ClientModel, ClientConsultation as ClientConsultationModel, ClientSavedChart as ClientSavedChartModel, ClientNote as ClientNoteModel, ClientRemedy as ClientRemedyModel, ClientImport as ClientImportModel, ClientActivityLog as ClientActivityLogModel } from './generated/prisma/client.ts';
import type { UserRef as UserRefModel, FamilyLinkView as FamilyLinkViewModel } from './mappers.ts';
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
  /** An exact amount of money as a string with two decimal places, e.g. "1500.00". Never a float. */
  Decimal: { input: string; output: string; }
  /** Any JSON object. */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
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

/** A page of activity, newest first. */
export type ActivityConnection = {
  __typename?: 'ActivityConnection';
  /** The entries of this page. */
  edges: Array<ActivityEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
  /** How many entries the client has. */
  totalCount: Scalars['Int']['output'];
};

/** One activity entry in a page. */
export type ActivityEdge = {
  __typename?: 'ActivityEdge';
  /** Opaque position: pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: ActivityEntry;
};

/** Something that happened to a client (every change is recorded). */
export type ActivityEntry = {
  __typename?: 'ActivityEntry';
  /** What happened, e.g. client.created, consultation.recorded. */
  action: Scalars['String']['output'];
  /** When it happened. */
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Details of the change. */
  metadata: Scalars['JSONObject']['output'];
};

/** A person in an astrologer's client book. Visible only to the astrologer who owns it. */
export type Client = {
  __typename?: 'Client';
  /** The client's history, newest first. */
  activity: ActivityConnection;
  /** Date of birth (a real date, in the past). */
  birthDate?: Maybe<Scalars['Date']['output']>;
  /** Place of birth, at most 255 characters. */
  birthPlace?: Maybe<Scalars['String']['output']>;
  /** Local time of birth, HH:MM:SS. */
  birthTime?: Maybe<Scalars['String']['output']>;
  /** The client's consultations, latest first. */
  consultations: ConsultationConnection;
  /** When the client was added. */
  createdAt: Scalars['DateTime']['output'];
  /** Email address, lower-cased. */
  email?: Maybe<Scalars['String']['output']>;
  /** Family links from this client's point of view (both directions of every link). */
  familyLinks: Array<FamilyLink>;
  /** Free text, at most 32 characters. */
  gender?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Latitude of the birth place, -90..90. */
  latitude?: Maybe<Scalars['Float']['output']>;
  /** Longitude of the birth place, -180..180. */
  longitude?: Maybe<Scalars['Float']['output']>;
  /** Full name, at most 200 characters. */
  name: Scalars['String']['output'];
  /** The client's notes, newest first. */
  notes: Array<ClientNote>;
  /** The astrologer who owns this client (users subgraph). */
  owner?: Maybe<User>;
  /** E.164, e.g. +919812345678. */
  phone?: Maybe<Scalars['String']['output']>;
  /** The client's remedies, newest first. */
  remedies: Array<Remedy>;
  /** The client's saved charts, newest first. */
  savedCharts: Array<SavedChart>;
  /** Lower-cased labels (at most 20, each at most 32 characters). */
  tags: Array<Scalars['String']['output']>;
  /** IANA time zone of the birth place, e.g. Asia/Kolkata. */
  timezone?: Maybe<Scalars['String']['output']>;
  /** When the client last changed. */
  updatedAt: Scalars['DateTime']['output'];
};


/** A person in an astrologer's client book. Visible only to the astrologer who owns it. */
export type ClientactivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A person in an astrologer's client book. Visible only to the astrologer who owns it. */
export type ClientconsultationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of clients, newest first. */
export type ClientConnection = {
  __typename?: 'ClientConnection';
  /** The clients of this page. */
  edges: Array<ClientEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
  /** How many clients match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One client in a page. */
export type ClientEdge = {
  __typename?: 'ClientEdge';
  /** Opaque position of this client: pass it as `after` for the next page. */
  cursor: Scalars['String']['output'];
  /** The client. */
  node: Client;
};

/** A bulk import of clients from CSV text. */
export type ClientImport = {
  __typename?: 'ClientImport';
  /** When it finished (COMPLETED or FAILED). */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the import was accepted. */
  createdAt: Scalars['DateTime']['output'];
  /**
   * Valid rows skipped because the same client is already in the book, imported by an earlier
   * run of the file or by an earlier row of this one (every field the same).
   */
  duplicateCount: Scalars['Int']['output'];
  /** Why the import stopped, when FAILED. */
  errorMessage?: Maybe<Scalars['String']['output']>;
  /** The refused rows, in file order. */
  errors: Array<ImportRowError>;
  /** Rows refused (see errors). */
  failedCount: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** Where it stands. */
  status: ImportStatus;
  /** Clients this import added to the book. */
  successCount: Scalars['Int']['output'];
  /** Data rows in the file. */
  totalCount: Scalars['Int']['output'];
};

/** A note the astrologer keeps about a client. */
export type ClientNote = {
  __typename?: 'ClientNote';
  /** What it is about. */
  category: NoteCategory;
  /** The note, at most 10,000 characters. */
  content: Scalars['String']['output'];
  /** When it was written. */
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
};

/** A note to add. */
export type ClientNoteInput = {
  /** Default GENERAL. */
  category?: InputMaybe<NoteCategory>;
  /** One of the viewer's clients. */
  clientId: Scalars['ID']['input'];
  /** Required, at most 10,000 characters. */
  content: Scalars['String']['input'];
};

/** A consultation session with a client. */
export type Consultation = {
  __typename?: 'Consultation';
  /** When it was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** When it took place. */
  date: Scalars['DateTime']['output'];
  /** Length in minutes. */
  durationMinutes?: Maybe<Scalars['Int']['output']>;
  /** Fee charged, e.g. "1500.00". */
  fee?: Maybe<Scalars['Decimal']['output']>;
  id: Scalars['ID']['output'];
  /** Free-text notes. */
  notes?: Maybe<Scalars['String']['output']>;
  /** How it took place. */
  type: ConsultationType;
};

/** A page of consultations, latest first. */
export type ConsultationConnection = {
  __typename?: 'ConsultationConnection';
  /** The consultations of this page. */
  edges: Array<ConsultationEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
  /** How many consultations the client has. */
  totalCount: Scalars['Int']['output'];
};

/** One consultation in a page. */
export type ConsultationEdge = {
  __typename?: 'ConsultationEdge';
  /** Opaque position: pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The consultation. */
  node: Consultation;
};

/** A consultation to record. */
export type ConsultationInput = {
  /** One of the viewer's clients. */
  clientId: Scalars['ID']['input'];
  /** When it took place (default: now). */
  date?: InputMaybe<Scalars['DateTime']['input']>;
  /** Length in minutes, 1..1440. */
  durationMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Fee as a decimal string with at most two places, e.g. "1500.00"; at least zero. */
  fee?: InputMaybe<Scalars['Decimal']['input']>;
  /** At most 10,000 characters. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** How it took place. */
  type: ConsultationType;
};

/** How a consultation took place. */
export type ConsultationType =
  | 'CHAT'
  | 'IN_PERSON'
  | 'PHONE'
  | 'VIDEO';

/** A new client. Only name is required; invalid values are BAD_USER_INPUT naming the field. */
export type CreateClientInput = {
  /** A real date in the past. */
  birthDate?: InputMaybe<Scalars['Date']['input']>;
  /** At most 255 characters. */
  birthPlace?: InputMaybe<Scalars['String']['input']>;
  /** HH:MM or HH:MM:SS. */
  birthTime?: InputMaybe<Scalars['String']['input']>;
  /** A valid email address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** At most 32 characters. */
  gender?: InputMaybe<Scalars['String']['input']>;
  /** -90..90. */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** -180..180. */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** Required, at most 200 characters. */
  name: Scalars['String']['input'];
  /** E.164, e.g. +919812345678. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** At most 20 tags, each at most 32 characters; trimmed and lower-cased. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** An IANA time zone name, e.g. Asia/Kolkata. */
  timezone?: InputMaybe<Scalars['String']['input']>;
};

/** A family relationship between two clients of the same astrologer, seen from one of them. */
export type FamilyLink = {
  __typename?: 'FamilyLink';
  /** The link's id; the same from both sides. */
  id: Scalars['ID']['output'];
  /** The other client. */
  relatedClient: Client;
  /** What relatedClient is to this client (from the other side, the inverse: PARENT <-> CHILD). */
  relationshipType: RelationshipType;
};

/** Links two of the viewer's clients: relatedClient is `relationshipType` of client. */
export type FamilyLinkInput = {
  /** One of the viewer's clients. */
  clientId: Scalars['ID']['input'];
  /** Another of the viewer's clients. */
  relatedClientId: Scalars['ID']['input'];
  /** What relatedClient is to client. */
  relationshipType: RelationshipType;
};

/** A row of a CSV import that was not imported. */
export type ImportRowError = {
  __typename?: 'ImportRowError';
  /** Why the row was refused. */
  message: Scalars['String']['output'];
  /** The row number as a spreadsheet shows it (the header is row 1). */
  row: Scalars['Int']['output'];
};

/** Where a CSV import stands. */
export type ImportStatus =
  /** Every row was imported or reported. */
  | 'COMPLETED'
  /** Stopped before every row was processed; see errorMessage. */
  | 'FAILED'
  /** Accepted; a background worker will process it. */
  | 'PENDING'
  /** Rows are being imported in the background. */
  | 'PROCESSING';

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a note to one of the viewer's clients. */
  addClientNote: ClientNote;
  /** Adds a client to the viewer's book. Honours the Idempotency-Key request header. */
  createClient: Client;
  /** Soft-deletes one of the viewer's clients: it disappears from every read, its history stays. */
  deleteClient: Scalars['Boolean']['output'];
  /**
   * Imports clients from CSV text with a header row (name required; email, phone, gender, birthDate,
   * birthTime, birthPlace, latitude, longitude, timezone, tags separated by ';'; the README lists
   * the accepted aliases of each column). At most 5 MB and 10,000 rows. Small files finish at once; large ones in the background (poll clientImport).
   * A re-run of the same file creates no duplicates: its rows count in duplicateCount. Honours the Idempotency-Key request header.
   * One import per tenant at a time: while one is PENDING or PROCESSING another is refused with
   * CONFLICT (extensions.importId names the running one). Imports wait their turn for one of the
   * service's import slots (CLIENT_IMPORT_MAX_CONCURRENT).
   */
  importClients: ClientImport;
  /** Links two of the viewer's clients; no self-links (BAD_USER_INPUT), no duplicates (CONFLICT). */
  linkFamilyMember: FamilyLink;
  /** Prescribes a remedy to one of the viewer's clients (status PRESCRIBED). */
  prescribeRemedy: Remedy;
  /** Records a consultation with one of the viewer's clients. */
  recordConsultation: Consultation;
  /** Saves a chart for one of the viewer's clients. */
  saveChart: SavedChart;
  /** Removes a family link (both sides). */
  unlinkFamilyMember: Scalars['Boolean']['output'];
  /** Changes some fields of one of the viewer's clients. */
  updateClient: Client;
  /** Moves a remedy forward: PRESCRIBED -> IN_PROGRESS -> COMPLETED, or to CANCELLED; any other move is BAD_USER_INPUT. */
  updateRemedyStatus: Remedy;
};


export type MutationaddClientNoteArgs = {
  input: ClientNoteInput;
};


export type MutationcreateClientArgs = {
  input: CreateClientInput;
};


export type MutationdeleteClientArgs = {
  id: Scalars['ID']['input'];
};


export type MutationimportClientsArgs = {
  csv: Scalars['String']['input'];
};


export type MutationlinkFamilyMemberArgs = {
  input: FamilyLinkInput;
};


export type MutationprescribeRemedyArgs = {
  input: RemedyInput;
};


export type MutationrecordConsultationArgs = {
  input: ConsultationInput;
};


export type MutationsaveChartArgs = {
  input: SaveChartInput;
};


export type MutationunlinkFamilyMemberArgs = {
  id: Scalars['ID']['input'];
};


export type MutationupdateClientArgs = {
  id: Scalars['ID']['input'];
  input: UpdateClientInput;
};


export type MutationupdateRemedyStatusArgs = {
  id: Scalars['ID']['input'];
  status: RemedyStatus;
};

/** What a note is about. */
export type NoteCategory =
  | 'CONSULTATION'
  | 'FOLLOW_UP'
  | 'GENERAL'
  | 'PERSONAL'
  | 'PREDICTION'
  | 'REMEDY';

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
  /** One of the viewer's clients; NOT_FOUND for any other (another tenant's, deleted, unknown). */
  client?: Maybe<Client>;
  /** One of the viewer's imports; NOT_FOUND for any other. */
  clientImport?: Maybe<ClientImport>;
  /** The viewer's clients, newest first; `search` matches name, email or phone; `tags` keeps clients holding every tag. */
  clients: ClientConnection;
};


export type QueryclientArgs = {
  id: Scalars['ID']['input'];
};


export type QueryclientImportArgs = {
  id: Scalars['ID']['input'];
};


export type QueryclientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** How a related client stands to this one (SPOUSE, SIBLING, COUSIN and OTHER are symmetric). */
export type RelationshipType =
  | 'CHILD'
  | 'COUSIN'
  | 'GRANDCHILD'
  | 'GRANDPARENT'
  | 'OTHER'
  | 'PARENT'
  | 'SIBLING'
  | 'SPOUSE';

/** A remedy prescribed to a client. */
export type Remedy = {
  __typename?: 'Remedy';
  /** When it was prescribed. */
  createdAt: Scalars['DateTime']['output'];
  /** What to do, at most 2,000 characters. */
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Where it stands. */
  status: RemedyStatus;
  /** Kind of remedy. */
  type: RemedyType;
};

/** A remedy to prescribe. */
export type RemedyInput = {
  /** One of the viewer's clients. */
  clientId: Scalars['ID']['input'];
  /** Required, at most 2,000 characters. */
  description: Scalars['String']['input'];
  /** Kind of remedy. */
  type: RemedyType;
};

/** Where a remedy stands: PRESCRIBED -> IN_PROGRESS -> COMPLETED, or CANCELLED before completion. */
export type RemedyStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'IN_PROGRESS'
  | 'PRESCRIBED';

/** Kind of remedy. */
export type RemedyType =
  | 'CHARITY'
  | 'FASTING'
  | 'GEMSTONE'
  | 'LIFESTYLE'
  | 'MANTRA'
  | 'OTHER'
  | 'PUJA'
  | 'RUDRAKSHA'
  | 'YANTRA';

/** A chart to keep. */
export type SaveChartInput = {
  /** A JSON object of at most 256 KB. */
  chartData: Scalars['JSONObject']['input'];
  /** Letters, digits, _ or -, at most 64 characters; stored upper-cased. */
  chartType: Scalars['String']['input'];
  /** One of the viewer's clients. */
  clientId: Scalars['ID']['input'];
};

/** A chart computed for a client and kept. */
export type SavedChart = {
  __typename?: 'SavedChart';
  /** The chart itself (a JSON object). */
  chartData: Scalars['JSONObject']['output'];
  /** A short identifier such as D1, D9 or TRANSIT. */
  chartType: Scalars['String']['output'];
  /** When it was saved. */
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
};

/** A partial update: omitted fields keep their values; null clears an optional field. */
export type UpdateClientInput = {
  /** A real date in the past. */
  birthDate?: InputMaybe<Scalars['Date']['input']>;
  /** At most 255 characters. */
  birthPlace?: InputMaybe<Scalars['String']['input']>;
  /** HH:MM or HH:MM:SS. */
  birthTime?: InputMaybe<Scalars['String']['input']>;
  /** A valid email address. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** At most 32 characters. */
  gender?: InputMaybe<Scalars['String']['input']>;
  /** -90..90. */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** -180..180. */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** At most 200 characters; cannot be cleared. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** E.164, e.g. +919812345678. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Replaces all tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** An IANA time zone name. */
  timezone?: InputMaybe<Scalars['String']['input']>;
};

export type User = {
  __typename?: 'User';
  authUserId: Scalars['ID']['output'];
  /** How many clients this user has. Only the user may read it. */
  clientCount?: Maybe<Scalars['Int']['output']>;
  /** This user's clients, newest first. Only the user may read them (FORBIDDEN otherwise). */
  clients?: Maybe<ClientConnection>;
};


export type UserclientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
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
  Client: Client;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Client:
    ( { __typename: 'Client' }
    & GraphQLRecursivePick<FederationTypes['Client'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"authUserId":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AccessRule: ResolverTypeWrapper<'PUBLIC' | 'AUTHENTICATED' | 'SELF' | 'SELF_OR_ADMIN' | 'SELF_OR_STAFF' | 'TENANT' | 'STAFF' | 'ADMIN'>;
  ActivityConnection: ResolverTypeWrapper<Omit<ActivityConnection, 'edges'> & { edges: Array<ResolversTypes['ActivityEdge']> }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ActivityEdge: ResolverTypeWrapper<Omit<ActivityEdge, 'node'> & { node: ResolversTypes['ActivityEntry'] }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ActivityEntry: ResolverTypeWrapper<ClientActivityLogModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Client: ResolverTypeWrapper<ClientModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ClientConnection: ResolverTypeWrapper<Omit<ClientConnection, 'edges'> & { edges: Array<ResolversTypes['ClientEdge']> }>;
  ClientEdge: ResolverTypeWrapper<Omit<ClientEdge, 'node'> & { node: ResolversTypes['Client'] }>;
  ClientImport: ResolverTypeWrapper<ClientImportModel>;
  ClientNote: ResolverTypeWrapper<ClientNoteModel>;
  ClientNoteInput: ClientNoteInput;
  Consultation: ResolverTypeWrapper<ClientConsultationModel>;
  ConsultationConnection: ResolverTypeWrapper<Omit<ConsultationConnection, 'edges'> & { edges: Array<ResolversTypes['ConsultationEdge']> }>;
  ConsultationEdge: ResolverTypeWrapper<Omit<ConsultationEdge, 'node'> & { node: ResolversTypes['Consultation'] }>;
  ConsultationInput: ConsultationInput;
  ConsultationType: ResolverTypeWrapper<'IN_PERSON' | 'PHONE' | 'VIDEO' | 'CHAT'>;
  CreateClientInput: CreateClientInput;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  FamilyLink: ResolverTypeWrapper<FamilyLinkViewModel>;
  FamilyLinkInput: FamilyLinkInput;
  ImportRowError: ResolverTypeWrapper<ImportRowError>;
  ImportStatus: ResolverTypeWrapper<'PENDING' | 'PROCESSING' | 'COMPLETED' | 'FAILED'>;
  JSONObject: ResolverTypeWrapper<Scalars['JSONObject']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  NoteCategory: ResolverTypeWrapper<'GENERAL' | 'CONSULTATION' | 'PREDICTION' | 'REMEDY' | 'FOLLOW_UP' | 'PERSONAL'>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RelationshipType: ResolverTypeWrapper<'PARENT' | 'CHILD' | 'SPOUSE' | 'SIBLING' | 'GRANDPARENT' | 'GRANDCHILD' | 'COUSIN' | 'OTHER'>;
  Remedy: ResolverTypeWrapper<ClientRemedyModel>;
  RemedyInput: RemedyInput;
  RemedyStatus: ResolverTypeWrapper<'PRESCRIBED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED'>;
  RemedyType: ResolverTypeWrapper<'GEMSTONE' | 'MANTRA' | 'YANTRA' | 'PUJA' | 'FASTING' | 'CHARITY' | 'RUDRAKSHA' | 'LIFESTYLE' | 'OTHER'>;
  SaveChartInput: SaveChartInput;
  SavedChart: ResolverTypeWrapper<ClientSavedChartModel>;
  UpdateClientInput: UpdateClientInput;
  User: ResolverTypeWrapper<UserRefModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ActivityConnection: Omit<ActivityConnection, 'edges'> & { edges: Array<ResolversParentTypes['ActivityEdge']> };
  Int: Scalars['Int']['output'];
  ActivityEdge: Omit<ActivityEdge, 'node'> & { node: ResolversParentTypes['ActivityEntry'] };
  String: Scalars['String']['output'];
  ActivityEntry: ClientActivityLogModel;
  ID: Scalars['ID']['output'];
  Client: ClientModel;
  Float: Scalars['Float']['output'];
  ClientConnection: Omit<ClientConnection, 'edges'> & { edges: Array<ResolversParentTypes['ClientEdge']> };
  ClientEdge: Omit<ClientEdge, 'node'> & { node: ResolversParentTypes['Client'] };
  ClientImport: ClientImportModel;
  ClientNote: ClientNoteModel;
  ClientNoteInput: ClientNoteInput;
  Consultation: ClientConsultationModel;
  ConsultationConnection: Omit<ConsultationConnection, 'edges'> & { edges: Array<ResolversParentTypes['ConsultationEdge']> };
  ConsultationEdge: Omit<ConsultationEdge, 'node'> & { node: ResolversParentTypes['Consultation'] };
  ConsultationInput: ConsultationInput;
  CreateClientInput: CreateClientInput;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  FamilyLink: FamilyLinkViewModel;
  FamilyLinkInput: FamilyLinkInput;
  ImportRowError: ImportRowError;
  JSONObject: Scalars['JSONObject']['output'];
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  Remedy: ClientRemedyModel;
  RemedyInput: RemedyInput;
  SaveChartInput: SaveChartInput;
  SavedChart: ClientSavedChartModel;
  UpdateClientInput: UpdateClientInput;
  User: UserRefModel;
}>;

export type accessDirectiveArgs = {
  rule: AccessRule;
};

export type accessDirectiveResolver<Result, Parent, ContextType = Context, Args = accessDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AccessRuleResolvers = EnumResolverSignature<{ ADMIN?: any, AUTHENTICATED?: any, PUBLIC?: any, SELF?: any, SELF_OR_ADMIN?: any, SELF_OR_STAFF?: any, STAFF?: any, TENANT?: any }, ResolversTypes['AccessRule']>;

export type ActivityConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ActivityConnection'] = ResolversParentTypes['ActivityConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ActivityEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ActivityEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ActivityEdge'] = ResolversParentTypes['ActivityEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ActivityEntry'], ParentType, ContextType>;
}>;

export type ActivityEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ActivityEntry'] = ResolversParentTypes['ActivityEntry']> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metadata?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
}>;

export type ClientResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Client'] = ResolversParentTypes['Client'], FederationReferenceType extends FederationReferenceTypes['Client'] = FederationReferenceTypes['Client']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Client']> | FederationReferenceType, FederationReferenceType, ContextType>;
  activity?: Resolver<ResolversTypes['ActivityConnection'], ParentType, ContextType, Partial<ClientactivityArgs>>;
  birthDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  birthPlace?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  birthTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  consultations?: Resolver<ResolversTypes['ConsultationConnection'], ParentType, ContextType, Partial<ClientconsultationsArgs>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  familyLinks?: Resolver<Array<ResolversTypes['FamilyLink']>, ParentType, ContextType>;
  gender?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latitude?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  longitude?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['ClientNote']>, ParentType, ContextType>;
  owner?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  remedies?: Resolver<Array<ResolversTypes['Remedy']>, ParentType, ContextType>;
  savedCharts?: Resolver<Array<ResolversTypes['SavedChart']>, ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  timezone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type ClientConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ClientConnection'] = ResolversParentTypes['ClientConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ClientEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ClientEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ClientEdge'] = ResolversParentTypes['ClientEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Client'], ParentType, ContextType>;
}>;

export type ClientImportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ClientImport'] = ResolversParentTypes['ClientImport']> = ResolversObject<{
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  duplicateCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errorMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['ImportRowError']>, ParentType, ContextType>;
  failedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ImportStatus'], ParentType, ContextType>;
  successCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ClientNoteResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ClientNote'] = ResolversParentTypes['ClientNote']> = ResolversObject<{
  category?: Resolver<ResolversTypes['NoteCategory'], ParentType, ContextType>;
  content?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ConsultationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Consultation'] = ResolversParentTypes['Consultation']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  durationMinutes?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  fee?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ConsultationType'], ParentType, ContextType>;
}>;

export type ConsultationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConsultationConnection'] = ResolversParentTypes['ConsultationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ConsultationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ConsultationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConsultationEdge'] = ResolversParentTypes['ConsultationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Consultation'], ParentType, ContextType>;
}>;

export type ConsultationTypeResolvers = EnumResolverSignature<{ CHAT?: any, IN_PERSON?: any, PHONE?: any, VIDEO?: any }, ResolversTypes['ConsultationType']>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type FamilyLinkResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FamilyLink'] = ResolversParentTypes['FamilyLink']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  relatedClient?: Resolver<ResolversTypes['Client'], ParentType, ContextType>;
  relationshipType?: Resolver<ResolversTypes['RelationshipType'], ParentType, ContextType>;
}>;

export type ImportRowErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ImportRowError'] = ResolversParentTypes['ImportRowError']> = ResolversObject<{
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  row?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ImportStatusResolvers = EnumResolverSignature<{ COMPLETED?: any, FAILED?: any, PENDING?: any, PROCESSING?: any }, ResolversTypes['ImportStatus']>;

export interface JSONObjectScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSONObject'], any> {
  name: 'JSONObject';
}

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addClientNote?: Resolver<ResolversTypes['ClientNote'], ParentType, ContextType, RequireFields<MutationaddClientNoteArgs, 'input'>>;
  createClient?: Resolver<ResolversTypes['Client'], ParentType, ContextType, RequireFields<MutationcreateClientArgs, 'input'>>;
  deleteClient?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationdeleteClientArgs, 'id'>>;
  importClients?: Resolver<ResolversTypes['ClientImport'], ParentType, ContextType, RequireFields<MutationimportClientsArgs, 'csv'>>;
  linkFamilyMember?: Resolver<ResolversTypes['FamilyLink'], ParentType, ContextType, RequireFields<MutationlinkFamilyMemberArgs, 'input'>>;
  prescribeRemedy?: Resolver<ResolversTypes['Remedy'], ParentType, ContextType, RequireFields<MutationprescribeRemedyArgs, 'input'>>;
  recordConsultation?: Resolver<ResolversTypes['Consultation'], ParentType, ContextType, RequireFields<MutationrecordConsultationArgs, 'input'>>;
  saveChart?: Resolver<ResolversTypes['SavedChart'], ParentType, ContextType, RequireFields<MutationsaveChartArgs, 'input'>>;
  unlinkFamilyMember?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationunlinkFamilyMemberArgs, 'id'>>;
  updateClient?: Resolver<ResolversTypes['Client'], ParentType, ContextType, RequireFields<MutationupdateClientArgs, 'id' | 'input'>>;
  updateRemedyStatus?: Resolver<ResolversTypes['Remedy'], ParentType, ContextType, RequireFields<MutationupdateRemedyStatusArgs, 'id' | 'status'>>;
}>;

export type NoteCategoryResolvers = EnumResolverSignature<{ CONSULTATION?: any, FOLLOW_UP?: any, GENERAL?: any, PERSONAL?: any, PREDICTION?: any, REMEDY?: any }, ResolversTypes['NoteCategory']>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  client?: Resolver<Maybe<ResolversTypes['Client']>, ParentType, ContextType, RequireFields<QueryclientArgs, 'id'>>;
  clientImport?: Resolver<Maybe<ResolversTypes['ClientImport']>, ParentType, ContextType, RequireFields<QueryclientImportArgs, 'id'>>;
  clients?: Resolver<ResolversTypes['ClientConnection'], ParentType, ContextType, Partial<QueryclientsArgs>>;
}>;

export type RelationshipTypeResolvers = EnumResolverSignature<{ CHILD?: any, COUSIN?: any, GRANDCHILD?: any, GRANDPARENT?: any, OTHER?: any, PARENT?: any, SIBLING?: any, SPOUSE?: any }, ResolversTypes['RelationshipType']>;

export type RemedyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Remedy'] = ResolversParentTypes['Remedy']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RemedyStatus'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['RemedyType'], ParentType, ContextType>;
}>;

export type RemedyStatusResolvers = EnumResolverSignature<{ CANCELLED?: any, COMPLETED?: any, IN_PROGRESS?: any, PRESCRIBED?: any }, ResolversTypes['RemedyStatus']>;

export type RemedyTypeResolvers = EnumResolverSignature<{ CHARITY?: any, FASTING?: any, GEMSTONE?: any, LIFESTYLE?: any, MANTRA?: any, OTHER?: any, PUJA?: any, RUDRAKSHA?: any, YANTRA?: any }, ResolversTypes['RemedyType']>;

export type SavedChartResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SavedChart'] = ResolversParentTypes['SavedChart']> = ResolversObject<{
  chartData?: Resolver<ResolversTypes['JSONObject'], ParentType, ContextType>;
  chartType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  authUserId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  clientCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  clients?: Resolver<Maybe<ResolversTypes['ClientConnection']>, ParentType, ContextType, Partial<UserclientsArgs>>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  AccessRule?: AccessRuleResolvers;
  ActivityConnection?: ActivityConnectionResolvers<ContextType>;
  ActivityEdge?: ActivityEdgeResolvers<ContextType>;
  ActivityEntry?: ActivityEntryResolvers<ContextType>;
  Client?: ClientResolvers<ContextType>;
  ClientConnection?: ClientConnectionResolvers<ContextType>;
  ClientEdge?: ClientEdgeResolvers<ContextType>;
  ClientImport?: ClientImportResolvers<ContextType>;
  ClientNote?: ClientNoteResolvers<ContextType>;
  Consultation?: ConsultationResolvers<ContextType>;
  ConsultationConnection?: ConsultationConnectionResolvers<ContextType>;
  ConsultationEdge?: ConsultationEdgeResolvers<ContextType>;
  ConsultationType?: ConsultationTypeResolvers;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  FamilyLink?: FamilyLinkResolvers<ContextType>;
  ImportRowError?: ImportRowErrorResolvers<ContextType>;
  ImportStatus?: ImportStatusResolvers;
  JSONObject?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  NoteCategory?: NoteCategoryResolvers;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RelationshipType?: RelationshipTypeResolvers;
  Remedy?: RemedyResolvers<ContextType>;
  RemedyStatus?: RemedyStatusResolvers;
  RemedyType?: RemedyTypeResolvers;
  SavedChart?: SavedChartResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  access?: accessDirectiveResolver<any, any, ContextType>;
}>;
