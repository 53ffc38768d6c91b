// One HTTP status per kind of error, as GraphQL over HTTP says (README, "HTTP statuses"):
// request errors (parse, validation, variable coercion) are 400 under
// application/graphql-response+json and 200 under application/json; errors during execution
// are 200 under both. The same kind answers the same, whatever scalar or service is involved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from './fixtures/users.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const CREATE_CLIENT = `mutation ($input: CreateClientInput!) { createClient(input: $input) { id } }`;
const NEW_MEDIA = 'application/graphql-response+json';
const LEGACY_MEDIA = 'application/json';

let stack: Stack;
let user: TestUser;
beforeAll(async () => {
  stack = await startStack();
  user = await createUser(stack, 'Status Rule');
});
afterAll(() => stack?.close());

interface Answer {
  status: number;
  type: string;
  hasData: boolean;
  codes: unknown[];
}

async function post(
  url: string,
  accept: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept, ...headers },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as {
    data?: unknown;
    errors?: { extensions?: { code?: unknown } }[];
  };
  return {
    status: res.status,
    type: (res.headers.get('content-type') ?? '').split(';')[0]!,
    hasData: 'data' in json,
    codes: (json.errors ?? []).map((error) => error.extensions?.code),
  };
}

const gateway = (
  accept: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
) =>
  post(
    stack.gatewayUrl,
    accept,
    { query, variables },
    token ? { authorization: `Bearer ${token}` } : {},
  );

describe('request errors', () => {
  it.each([
    [NEW_MEDIA, 400],
    [LEGACY_MEDIA, 200],
  ])('a bad Float and a bad Date variable answer alike under %s (%i)', async (accept, status) => {
    const float = await gateway(
      accept,
      CREATE_CLIENT,
      { input: { name: 'F', latitude: 'north' } },
      user.accessToken,
    );
    const date = await gateway(
      accept,
      CREATE_CLIENT,
      { input: { name: 'D', birthDate: '2023-02-30' } },
      user.accessToken,
    );
    const expected = { status, type: accept, hasData: false, codes: ['BAD_USER_INPUT'] };
    expect(float).toEqual(expected);
    expect(date).toEqual(expected);
  });

  it.each([
    [NEW_MEDIA, 400],
    [LEGACY_MEDIA, 200],
  ])('a bad Float and a bad Date literal answer alike under %s (%i)', async (accept, status) => {
    const float = await gateway(
      accept,
      'mutation { createClient(input: { name: "F", latitude: "north" }) { id } }',
      {},
      user.accessToken,
    );
    const date = await gateway(
      accept,
      'mutation { createClient(input: { name: "D", birthDate: "2023-02-30" }) { id } }',
      {},
      user.accessToken,
    );
    const expected = { status, type: accept, hasData: false, codes: ['GRAPHQL_VALIDATION_FAILED'] };
    expect(float).toEqual(expected);
    expect(date).toEqual(expected);
  });

  it.each([
    [NEW_MEDIA, 400],
    [LEGACY_MEDIA, 200],
  ])(
    'a subgraph answers a request error as the gateway does under %s (%i)',
    async (accept, status) => {
      const res = await post(
        stack.subgraphUrls.users,
        accept,
        { query: '{ nope }' },
        stack.gatewayProof,
      );
      expect(res).toEqual({
        status,
        type: accept,
        hasData: false,
        codes: ['GRAPHQL_VALIDATION_FAILED'],
      });
    },
  );
});

describe('errors during execution', () => {
  it.each([NEW_MEDIA, LEGACY_MEDIA])(
    'no token and a bad token answer alike under %s (200)',
    async (accept) => {
      const none = await gateway(accept, 'mutation { logout }');
      const bad = await gateway(
        accept,
        'mutation { logout }',
        {},
        `${user.accessToken.slice(0, -4)}AAAA`,
      );
      const expected = { status: 200, type: accept, hasData: true, codes: ['UNAUTHENTICATED'] };
      expect(none).toEqual(expected);
      expect(bad).toEqual(expected);
    },
  );
});
