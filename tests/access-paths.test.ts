// Every private field through every path that reaches it: through the real gateway (profiles,
// followers lists, Client.owner, AuthUser.profile) and straight at each subgraph's `_entities`,
// as a stranger, as another tenant and without a token. Each answers null with FORBIDDEN
// (UNAUTHENTICATED without a token) and never the data; the owner and the declared staff
// roles read them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRole } from '../subgraphs/auth/src/generated/prisma/client.ts';
import { expiredToken } from './fixtures/staleTokens.ts';
import { createUser, usersOperation, type TestUser } from './fixtures/users.ts';
import { errorCodes, type GraphQLResponse } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

// AuthUser (auth), User (users) and User's client book (clients): the private fields.
const ACCOUNT = {
  fields: ['email', 'role', 'status', 'emailVerified', 'lastLoginAt', 'updatedAt'],
  lists: ['oauthAccounts', 'sessions'],
};
const ACCOUNT_SELECTION = `id ${ACCOUNT.fields.join(' ')} oauthAccounts { id } sessions { id }`;
const ACCOUNT_PRIVATE = [...ACCOUNT.fields, ...ACCOUNT.lists];
const PROFILE_SELECTION =
  'id email preferences addresses { id } activity(first: 1) { edges { cursor } }';
const PROFILE_PRIVATE = ['email', 'preferences', 'addresses', 'activity'];
const BOOK_SELECTION = 'clientCount clients(first: 5) { totalCount }';
const BOOK_PRIVATE = ['clientCount', 'clients'];

let stack: Stack;
let owner: TestUser;
let stranger: TestUser;
let otherTenant: TestUser;
let ownerClientId: string;
let ownerExpired: string;

async function withRole(user: TestUser, role: UserRole): Promise<TestUser> {
  await stack.db.auth.authUser.update({ where: { id: user.id }, data: { role, status: 'ACTIVE' } });
  const res = await stack.gql<{ login: { accessToken: string } }>(
    'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { email: user.email, password: user.password } },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return { ...user, accessToken: res.data.login.accessToken };
}

async function createClient(user: TestUser, name: string): Promise<string> {
  const res = await stack.gql<{ createClient: { id: string } }>(
    'mutation ($input: CreateClientInput!) { createClient(input: $input) { id } }',
    { input: { name, email: `${name.toLowerCase()}@example.com` } },
    { token: user.accessToken },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.createClient.id;
}

beforeAll(async () => {
  stack = await startStack();
  owner = await createUser(stack, 'Owner');
  stranger = await createUser(stack, 'Stranger');
  otherTenant = await createUser(stack, 'Other Astrologer');
  ownerClientId = await createClient(owner, 'Secretclient');
  ownerExpired = await expiredToken(stack, owner.accessToken);
  await createClient(otherTenant, 'Theirclient');
  const token = owner.accessToken;
  await stack.gql(usersOperation('UpdatePreferences'), { settings: { theme: 'dark' } }, { token });
  await stack.gql(
    usersOperation('AddAddress'),
    { input: { line1: '1 Hidden Lane', city: 'Pune', country: 'IN' } },
    { token },
  );
  // The owner appears in the stranger's public followers list.
  await stack.gql(usersOperation('Follow'), { userId: stranger.profileId }, { token });
});
afterAll(() => stack?.close());

/** Fails unless every error has `code`, one per private field, and nothing private leaked. */
function expectRefused(res: GraphQLResponse<unknown>, fields: string[], code: string) {
  expect(errorCodes(res)).toEqual(fields.map(() => code));
  expect(res.errors?.map((e) => e.path?.at(-1)).sort()).toEqual([...fields].sort());
  const body = JSON.stringify(res.data);
  for (const secret of [owner.email, 'Hidden Lane', 'dark', 'USER', 'ACTIVE', 'PENDING']) {
    expect(body).not.toContain(secret);
  }
}

const GATEWAY_PATHS = {
  'user(id).account': {
    query: `query ($id: ID!) { user(id: $id) { id account { ${ACCOUNT_SELECTION} } } }`,
    id: () => owner.profileId,
    private: ACCOUNT_PRIVATE,
  },
  'user(id).followers.node.account': {
    query: `query ($id: ID!) { user(id: $id) { followers(first: 5) { edges { node { account { ${ACCOUNT_SELECTION} } } } } } }`,
    id: () => stranger.profileId,
    private: ACCOUNT_PRIVATE,
  },
  'user(id)': {
    query: `query ($id: ID!) { user(id: $id) { ${PROFILE_SELECTION} ${BOOK_SELECTION} } }`,
    id: () => owner.profileId,
    private: [...PROFILE_PRIVATE, ...BOOK_PRIVATE],
  },
  'user(id).account.profile': {
    query: `query ($id: ID!) { user(id: $id) { account { id profile { ${PROFILE_SELECTION} ${BOOK_SELECTION} } } } }`,
    id: () => owner.profileId,
    private: [...PROFILE_PRIVATE, ...BOOK_PRIVATE],
  },
  'user(id).followers.node': {
    query: `query ($id: ID!) { user(id: $id) { followers(first: 5) { edges { node { ${PROFILE_SELECTION} ${BOOK_SELECTION} } } } } }`,
    id: () => stranger.profileId,
    private: [...PROFILE_PRIVATE, ...BOOK_PRIVATE],
  },
};
const paths = Object.entries(GATEWAY_PATHS).map(([name, path]) => ({ name, ...path }));
const CALLERS = [
  { caller: 'without a token', token: () => undefined, code: 'UNAUTHENTICATED' },
  { caller: 'as a stranger', token: () => stranger.accessToken, code: 'FORBIDDEN' },
  { caller: 'as another tenant', token: () => otherTenant.accessToken, code: 'FORBIDDEN' },
];
// The gateway ignores a stale token: the owner's own expired token reads nothing private.
const GATEWAY_CALLERS = [
  ...CALLERS,
  { caller: "with the owner's expired token", token: () => ownerExpired, code: 'UNAUTHENTICATED' },
];

describe.each(GATEWAY_CALLERS)('through the gateway, $caller', ({ token, code }) => {
  it.each(paths)('$name: every private field is null with the error', async (path) => {
    const res = await stack.gql(path.query, { id: path.id() }, { token: token() });
    expectRefused(res, path.private, code);
  });

  it("Client.owner.account: another tenant's client is not there at all", async () => {
    const res = await stack.gql(
      `query ($id: ID!) { client(id: $id) { name owner { ${PROFILE_SELECTION} account { ${ACCOUNT_SELECTION} } } } }`,
      { id: ownerClientId },
      { token: token() },
    );
    expect(res.data?.client ?? null).toBeNull();
    expect(errorCodes(res)).toEqual([code === 'FORBIDDEN' ? 'NOT_FOUND' : code]);
    expect(JSON.stringify(res)).not.toContain(owner.email);
  });
});

describe('the owner and the staff', () => {
  it('the owner reads every private field on every path, me and Client.owner included', async () => {
    const asOwner = { token: owner.accessToken };
    for (const path of paths.filter((p) => p.id() === owner.profileId)) {
      expect((await stack.gql(path.query, { id: path.id() }, asOwner)).errors).toBeUndefined();
    }
    const res = await stack.gql<{ me: Record<string, unknown> }>(
      `query ($id: ID!) {
        me { ${ACCOUNT_SELECTION} }
        client(id: $id) { owner { ${PROFILE_SELECTION} ${BOOK_SELECTION} account { ${ACCOUNT_SELECTION} } } }
      }`,
      { id: ownerClientId },
      asOwner,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.me).toMatchObject({ email: owner.email, role: 'USER', emailVerified: false });
    expect(JSON.stringify(res.data)).toContain('"theme":"dark"');
  });

  it('an ADMIN reads an account and its profile, but not its sessions or client book', async () => {
    const admin = await withRole(await createUser(stack, 'Admin'), 'ADMIN');
    const res = await stack.gql(
      paths[3]!.query.replace('account { id', `account { ${ACCOUNT_SELECTION}`),
      { id: owner.profileId },
      { token: admin.accessToken },
    );
    expect(res.errors?.map((e) => [e.path?.at(-1), e.extensions?.code]).sort()).toEqual([
      ['clientCount', 'FORBIDDEN'],
      ['clients', 'FORBIDDEN'],
      ['sessions', 'FORBIDDEN'],
    ]);
    expect(JSON.stringify(res.data)).toContain(owner.email);
    expect(JSON.stringify(res.data)).toContain('"theme":"dark"');
  });

  it('a MODERATOR reads the role and status it needs to suspend and reactivate, nothing else', async () => {
    const moderator = await withRole(await createUser(stack, 'Moderator'), 'MODERATOR');
    const res = await stack.gql<{ user: { account: Record<string, unknown> } }>(
      paths[0]!.query,
      { id: owner.profileId },
      { token: moderator.accessToken },
    );
    expect(res.data?.user.account).toMatchObject({ role: 'USER', status: 'PENDING_VERIFICATION' });
    const refused = ACCOUNT_PRIVATE.filter((field) => field !== 'role' && field !== 'status');
    expect(res.errors?.map((e) => [e.path?.at(-1), e.extensions?.code])).toEqual(
      refused.map((field) => [field, 'FORBIDDEN']),
    );
    expect(JSON.stringify(res.data)).not.toContain(owner.email);
  });
});

// Straight at the subgraphs, as the gateway calls them: a representation is a path too.
const ENTITIES = {
  auth: {
    query: `... on AuthUser { ${ACCOUNT_SELECTION} }`,
    representations: () => [{ __typename: 'AuthUser', id: owner.id }],
    private: ACCOUNT_PRIVATE,
  },
  users: {
    query: `... on User { ${PROFILE_SELECTION} } ... on AuthUser { id profile { ${PROFILE_SELECTION} } }`,
    representations: () => [
      { __typename: 'User', id: owner.profileId },
      { __typename: 'User', authUserId: owner.id },
      { __typename: 'AuthUser', id: owner.id },
    ],
    private: [...PROFILE_PRIVATE, ...PROFILE_PRIVATE, ...PROFILE_PRIVATE],
  },
  clients: {
    query: `... on User { authUserId ${BOOK_SELECTION} }`,
    representations: () => [{ __typename: 'User', authUserId: owner.id }],
    private: BOOK_PRIVATE,
  },
};

describe.each(CALLERS)('_entities on each subgraph, $caller', ({ token, code }) => {
  it.each(Object.entries(ENTITIES))('%s: private fields are refused', async (name, entity) => {
    const client = stack.subgraph(name as keyof typeof ENTITIES);
    const res = await client.gql(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ${entity.query} } }`,
      { representations: entity.representations() },
      { token: token() },
    );
    expectRefused(res, entity.private, code);
  });

  it("clients: another tenant's Client is NOT_FOUND, with nothing of it", async () => {
    const res = await stack
      .subgraph('clients')
      .gql(
        'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Client { name email owner { authUserId } } } }',
        { r: [{ __typename: 'Client', id: ownerClientId }] },
        { token: token() },
      );
    expect(res.data).toEqual({ _entities: [null] });
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });
});
