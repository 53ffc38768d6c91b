// Every entity through `_entities`, called on the subgraphs directly as the gateway does, and
// every reference resolver batched: N representations cost the SQL statements of one.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { startStack, type Stack } from './helpers/stack.ts';

type Service = 'auth' | 'users' | 'clients';
const statements: Record<Service, string[]> = { auth: [], users: [], clients: [] };

/** An `_entities` query selecting `selection` (inline fragments of that subgraph's types). */
const entitiesQuery = (selection: string) => /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ${selection} }
  }
`;
const ENTITIES: Record<Service, string> = {
  // Public fields only: the private ones are the subject of access-paths.test.ts.
  auth: entitiesQuery('... on AuthUser { id name }'),
  users: entitiesQuery('... on User { id authUserId name }'),
  clients: entitiesQuery('... on Client { id name }'),
};
const PROFILE_ENTITIES = entitiesQuery('... on AuthUser { id profile { authUserId name } }');
const CLIENT_BOOK_ENTITIES = entitiesQuery(
  '... on User { authUserId clientCount clients(first: 10) { totalCount } }',
);

describe('entities', () => {
  let stack: Stack;
  let accounts: TestAccount[];
  const profileIds: string[] = [];
  const clientIds: string[] = [];

  /** Runs `_entities` on one subgraph and returns the data and how many statements it cost. */
  async function entities(
    service: Service,
    representations: Record<string, unknown>[],
    { query = ENTITIES[service], token }: { query?: string; token?: string } = {},
  ) {
    statements[service].length = 0;
    const res = await stack.subgraph(service).gql<{
      _entities: (Record<string, unknown> | null)[];
    }>(query, { representations }, { token });
    expect(res.errors).toBeUndefined();
    return { entities: res.data!._entities, statements: statements[service].length };
  }

  beforeAll(async () => {
    stack = await startStack({ onQuery: (service, sql) => statements[service].push(sql) });
    accounts = await Promise.all(
      ['Ada', 'Grace', 'Katherine'].map((name) => registerAccount(stack, { name })),
    );
    for (const account of accounts) {
      const res = await stack.gql<{ me: { profile: { id: string } } }>(
        '{ me { profile { id } } }',
        {},
        { token: account.accessToken },
      );
      profileIds.push(res.data!.me.profile.id);
    }
    for (const name of ['One', 'Two', 'Three']) {
      const res = await stack.gql<{ createClient: { id: string } }>(
        'mutation ($input: CreateClientInput!) { createClient(input: $input) { id } }',
        { input: { name } },
        { token: accounts[0]!.accessToken },
      );
      clientIds.push(res.data!.createClient.id);
    }
  });
  afterAll(() => stack?.close());

  it('resolves AuthUser on auth, one statement for any number, null for unknown ids', async () => {
    const reps = accounts.map((a) => ({ __typename: 'AuthUser', id: a.id }));
    const one = await entities('auth', reps.slice(0, 1));
    const all = await entities('auth', [...reps, { __typename: 'AuthUser', id: randomUUID() }]);
    expect(all.entities).toEqual([
      ...accounts.map((a) => ({ id: a.id, name: expect.any(String) })),
      null,
    ]);
    expect(all.statements).toBe(one.statements);
    expect(one.statements).toBe(1);
  });

  it('resolves User on users by id and by authUserId, batched', async () => {
    const byId = profileIds.map((id) => ({ __typename: 'User', id }));
    const one = await entities('users', byId.slice(0, 1));
    const all = await entities('users', byId);
    expect(all.entities.map((u) => u?.authUserId)).toEqual(accounts.map((a) => a.id));
    expect(all.statements).toBe(one.statements);

    const byAuth = accounts.map((a) => ({ __typename: 'User', authUserId: a.id }));
    const oneByAuth = await entities('users', byAuth.slice(0, 1));
    const allByAuth = await entities('users', byAuth);
    expect(allByAuth.entities.map((u) => u?.id)).toEqual(profileIds);
    expect(allByAuth.statements).toBe(oneByAuth.statements);
  });

  it('creates a profile on first need for an AuthUser reference, exactly once', async () => {
    const fresh = { __typename: 'AuthUser', id: randomUUID() };
    const [first, second] = await Promise.all([
      entities('users', [fresh], { query: PROFILE_ENTITIES }),
      entities('users', [fresh], { query: PROFILE_ENTITIES }),
    ]);
    expect(first.entities[0]).toEqual({
      id: fresh.id,
      profile: { authUserId: fresh.id, name: null },
    });
    expect(second.entities[0]).toEqual(first.entities[0]);
    expect(await stack.db.users.user.count({ where: { authUserId: fresh.id } })).toBe(1);
  });

  it('resolves Client on clients for its owner only, batched', async () => {
    const reps = clientIds.map((id) => ({ __typename: 'Client', id }));
    const owner = accounts[0]!.accessToken;
    const one = await entities('clients', reps.slice(0, 1), { token: owner });
    const all = await entities('clients', reps, { token: owner });
    expect(all.entities.map((c) => c?.id)).toEqual(clientIds);
    expect(all.statements).toBe(one.statements);
    const stranger = await stack.subgraph('clients').gql<{
      _entities: unknown[];
    }>(ENTITIES.clients, { representations: reps }, { token: accounts[1]!.accessToken });
    expect(stranger.data?._entities).toEqual([null, null, null]);
    expect(stranger.errors?.map((e) => e.extensions?.code)).toEqual([
      'NOT_FOUND',
      'NOT_FOUND',
      'NOT_FOUND',
    ]);
  });

  it("resolves User on clients with the owner's client book", async () => {
    const res = await entities('clients', [{ __typename: 'User', authUserId: accounts[0]!.id }], {
      query: CLIENT_BOOK_ENTITIES,
      token: accounts[0]!.accessToken,
    });
    expect(res.entities).toEqual([
      { authUserId: accounts[0]!.id, clientCount: 3, clients: { totalCount: 3 } },
    ]);
  });
});
