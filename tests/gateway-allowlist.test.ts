// OPERATION_ALLOWLIST=contract: the gateway serves the frontends' operations and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '@grahvani/shared';
import { loadConfig } from '../gateway/src/config.ts';
import { contractOperations } from './helpers/contract.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const register = contractOperations('auth.graphql').find((op) => op.name === 'Register')!;
const login = contractOperations('auth.graphql').find((op) => op.name === 'Login')!;
const myClients = contractOperations('clients.graphql').find((op) => op.name === 'MyClients')!;

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

  it.each([
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

  it('is off by default and refuses unknown settings', () => {
    expect(loadConfig({}).allowlistDir).toBeNull();
    expect(() => loadConfig({ OPERATION_ALLOWLIST: 'everything' })).toThrow(ConfigError);
  });
});
