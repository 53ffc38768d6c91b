// Accounts as tests need them: a fresh signed-up user, a signed-in user of a given role, an
// astrologer with a client book. Everything goes through the gateway as the frontends do,
// except the role itself, which only an administrator (or the auth database) can give.
import { randomUUID } from 'node:crypto';
import type { GraphQLClient } from './client.ts';

export type Role = 'ADMIN' | 'MODERATOR' | 'USER';

export interface Account {
  id: string;
  email: string;
  password: string;
  name: string;
  role: Role;
  /** Access token: `graphql(document, variables, { token })`. */
  token: string;
  refreshToken: string;
}

export interface CreatedClient {
  id: string;
  name: string;
  email: string | null;
  tags: string[];
}

export interface Astrologer extends Account {
  /** The astrologer's profile (User.id in the users subgraph). */
  profileId: string;
  clients: CreatedClient[];
}

/** What the account helpers need from a graph: its gateway, and the right to give a role. */
export interface AccountGraph extends GraphQLClient {
  /** Makes the account ACTIVE with `role`, directly in the auth database. */
  grantRole(userId: string, role: Role): Promise<void>;
}

export interface SignUpInput {
  email?: string;
  password?: string;
  name?: string;
}

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      accessToken
      refreshToken
      user {
        id
        email
      }
    }
  }
`;

const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
    }
  }
`;

const MY_PROFILE_ID = /* GraphQL */ `
  query {
    me {
      profile {
        id
      }
    }
  }
`;

const CREATE_CLIENT = /* GraphQL */ `
  mutation CreateClient($input: CreateClientInput!) {
    createClient(input: $input) {
      id
      name
      email
      tags
    }
  }
`;

const failure = (what: string, errors: unknown) =>
  new Error(`${what} failed: ${JSON.stringify(errors)}`);

/** Registers a fresh account (unique email unless given) and returns it signed in. */
export async function signUp(client: GraphQLClient, input: SignUpInput = {}): Promise<Account> {
  const email = input.email ?? `user-${randomUUID()}@example.com`;
  const password = input.password ?? 'correct horse battery staple';
  const name = input.name ?? 'Test Astrologer';
  const res = await client.gql<{
    register: { accessToken: string; refreshToken: string; user: { id: string; email: string } };
  }>(REGISTER, { input: { email, password, name } });
  if (!res.data?.register) throw failure('register', res.errors);
  const { accessToken, refreshToken, user } = res.data.register;
  return {
    id: user.id,
    email: user.email,
    password,
    name,
    role: 'USER',
    token: accessToken,
    refreshToken,
  };
}

/** Signs an existing account in with its password. */
export async function signIn(client: GraphQLClient, account: Account): Promise<Account> {
  const res = await client.gql<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, {
    input: { email: account.email, password: account.password },
  });
  if (!res.data?.login) throw failure('login', res.errors);
  return {
    ...account,
    token: res.data.login.accessToken,
    refreshToken: res.data.login.refreshToken,
  };
}

/** A fresh ACTIVE account with `role`, signed in after the role was given (its token carries it). */
export async function signInAs(graph: AccountGraph, role: Role): Promise<Account> {
  const account = await signUp(graph);
  await graph.grantRole(account.id, role);
  return signIn(graph, { ...account, role });
}

/** Opens the account's profile once, as the frontends do after sign-up; returns its id. */
export async function openProfile(client: GraphQLClient, account: Account): Promise<string> {
  const res = await client.gql<{ me: { profile: { id: string } } }>(
    MY_PROFILE_ID,
    {},
    { token: account.token },
  );
  const id = res.data?.me.profile.id;
  if (!id) throw failure('profile', res.errors);
  return id;
}

/** Creates one client in the account's book (contract CreateClient). */
export async function createClient(
  client: GraphQLClient,
  token: string,
  input: Record<string, unknown> = {},
): Promise<CreatedClient> {
  const res = await client.gql<{ createClient: CreatedClient }>(
    CREATE_CLIENT,
    { input: { name: `Client ${randomUUID().slice(0, 8)}`, ...input } },
    { token },
  );
  if (!res.data?.createClient) throw failure('createClient', res.errors);
  return res.data.createClient;
}

/** A signed-in ACTIVE astrologer (role USER) whose book holds `count` new clients. */
export async function astrologerWithClients(
  graph: AccountGraph,
  count: number,
): Promise<Astrologer> {
  const account = await signInAs(graph, 'USER');
  const profileId = await openProfile(graph, account);
  const clients: CreatedClient[] = [];
  for (let i = 0; i < count; i++) clients.push(await createClient(graph, account.token));
  return { ...account, profileId, clients };
}
