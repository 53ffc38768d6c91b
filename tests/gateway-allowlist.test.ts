// OPERATION_ALLOWLIST=contract: the gateway serves the frontends' operations and nothing else.
import { createHash } from 'node:crypto';
import { parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '@grahvani/shared';
import { loadConfig } from '../gateway/src/config.ts';
import { withTypenames } from '../gateway/src/persistedOperations.ts';
import { contractOperations } from './helpers/contract.ts';
import { errorCodes, type GraphQLResponse } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const register = contractOperations('auth.graphql').find((op) => op.name === 'Register')!;
const login = contractOperations('auth.graphql').find((op) => op.name === 'Login')!;
const myClients = contractOperations('clients.graphql').find((op) => op.name === 'MyClients')!;
const myClientBook = contractOperations('clients.graphql').find(
  (op) => op.name === 'MyClientBook',
)!;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** As Apollo Client's InMemoryCache sends a document: `__typename` in every selection set. */
const asApolloClientSends = (document: string) => print(withTypenames(parse(document)));

describe('operation allowlist', () => {
  let stack: Stack;
  const account = {
    email: `allowlist-${Date.now()}@example.com`,
    password: 'correct horse battery staple',
    accessToken: '',
  };

  beforeAll(async () => {
    stack = await startStack({ env: { OPERATION_ALLOWLIST: 'contract' } });
    const res = await stack.gql<{ register: { accessToken: string } }>(register.document, {
      input: { email: account.email, password: account.password, name: 'Ada' },
    });
    account.accessToken = res.data!.register.accessToken;
  });
  afterAll(() => stack?.close());

  it('serves a contract operation however it is formatted', async () => {
    const reformatted = `# sent by the web app\n${login.document.replace(/\s+/g, '  ')}`;
    const res = await stack.gql<{ login: { accessToken: string } }>(reformatted, {
      input: { email: account.email, password: account.password },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.login.accessToken).toEqual(expect.any(String));
    const clients = await stack.gql(
      myClients.document,
      { first: 5 },
      { token: account.accessToken },
    );
    expect(clients.errors).toBeUndefined();
  });

  it('serves contract operations as Apollo Client sends them (__typename, fragments)', async () => {
    const loggedIn = await stack.gql(asApolloClientSends(login.document), {
      input: { email: account.email, password: account.password },
    });
    expect(loggedIn.errors).toBeUndefined();
    const book = await stack.gql<{ me: { __typename: string } }>(
      asApolloClientSends(myClientBook.document),
      { first: 5 },
      { token: account.accessToken },
    );
    expect(book.errors).toBeUndefined();
    expect(book.data?.me.__typename).toBe('AuthUser');
    const withFragments = `
      fragment Node on Client { id name tags owner { id name account { id email __typename } } }
      query MyClientBook($first: Int) { me { ...Me __typename } }
      fragment Me on AuthUser {
        id email
        profile { id name clientCount clients(first: $first) { totalCount edges { node { ...Node } } } }
      }`;
    const fragmented = await stack.gql(withFragments, { first: 5 }, { token: account.accessToken });
    expect(fragmented.errors).toBeUndefined();
    expect(fragmented.data).toMatchObject({
      me: { __typename: 'AuthUser', email: account.email, profile: { clientCount: 0 } },
    });
  });

  it('serves a contract operation sent by its hash alone (persisted query)', async () => {
    const variables = { input: { email: account.email, password: account.password } };
    for (const text of [login.document, asApolloClientSends(login.document)]) {
      const res = await persisted(sha256(text), variables);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        login: expect.objectContaining({ accessToken: expect.any(String) }),
      });
    }
  });

  it('knows no other hash, and registers none', async () => {
    const adHoc = '{ me { id email } }';
    expect(errorCodes(await persisted(sha256(adHoc)))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const registering = await persisted(sha256(adHoc), {}, adHoc);
    expect(errorCodes(registering)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
    expect(errorCodes(await persisted(sha256(adHoc)))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it.each([
    [
      'an extra field hidden in a fragment',
      `${login.document.replace(/user \{[^}]*\}/, 'user { ...U }')}
       fragment U on AuthUser { id email role status createdAt }`,
    ],
    ['an aliased __typename', login.document.replace('accessToken', 'accessToken t: __typename')],
    ['an ad-hoc query', '{ me { id email } }'],
    [
      'a contract operation with an extra field',
      login.document.replace('accessToken', 'accessToken\n user { name }'),
    ],
    ['introspection', '{ __schema { types { name } } }'],
    ['two operations in one document', `${login.document}\nquery Other { me { id } }`],
  ])('refuses %s with PERSISTED_QUERY_NOT_IN_LIST', async (_label, query) => {
    const res = await stack.gql(query, {
      input: { email: account.email, password: account.password },
    });
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
    expect(res.data ?? null).toBeNull();
  });

  /** A request carrying Apollo's persistedQuery extension (and the text, when given). */
  async function persisted(hash: string, variables: Record<string, unknown> = {}, query?: string) {
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query,
        variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
      }),
    });
    return { status: res.status, ...((await res.json()) as Omit<GraphQLResponse, 'status'>) };
  }

  it('is off by default and refuses unknown settings', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).allowlist).toBeNull();
    expect(() => loadConfig({ OPERATION_ALLOWLIST: 'everything' })).toThrow(ConfigError);
  });
});
