// One JSON log line per request on every service, tied together by the request id, and free
// of tokens, passwords, email addresses and other personal data.
import { Writable } from 'node:stream';
import { createLogger } from '@grahvani/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
    }
  }
`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface LogLine {
  requestId?: string;
  operation?: string | null;
  outcome?: string;
  errorCodes?: string[];
  durationMs?: number;
  status?: number;
  msg?: string;
}

describe('request logs', () => {
  let stack: Stack;
  let account: TestAccount;
  let output = '';
  const lines = () =>
    output
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogLine);
  const requestLines = (id: string) =>
    lines().filter((line) => line.requestId === id && line.msg === 'request');

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        output += chunk.toString();
        done();
      },
    });
    stack = await startStack({ logger: createLogger('test', 'info', sink) });
    account = await registerAccount(stack);
  });
  afterAll(() => stack?.close());

  async function login(password: string, headers: Record<string, string> = {}) {
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        query: LOGIN,
        variables: { input: { email: account.email, password } },
      }),
    });
    const body = (await res.json()) as {
      data?: { login: { accessToken: string; refreshToken: string } };
    };
    return { id: res.headers.get('x-request-id'), body };
  }

  it('logs a login on the gateway and the auth subgraph under the caller’s request id, without its secrets', async () => {
    const from = output.length;
    const { id, body } = await login(account.password, { 'x-request-id': 'client-req-42' });
    expect(id).toBe('client-req-42');
    const { accessToken, refreshToken } = body.data!.login;
    const logged = requestLines('client-req-42');
    // The gateway's line and the auth subgraph's line.
    expect(logged.length).toBeGreaterThanOrEqual(2);
    for (const line of logged) {
      // Subgraphs see the gateway's fetch, named after the client's operation.
      expect(line.operation).toMatch(/^Login(__auth__\d+)?$/);
      expect(line).toMatchObject({ outcome: 'success', status: 200 });
      expect(line.durationMs).toEqual(expect.any(Number));
    }
    const written = output.slice(from);
    for (const secret of [account.password, account.email, accessToken, refreshToken]) {
      expect(written).not.toContain(secret);
    }
    expect(written.toLowerCase()).not.toContain(account.email.split('@')[0]!.toLowerCase());
  });

  it('logs the outcome and error codes of a failed login, still without the email or password', async () => {
    const from = output.length;
    const { id } = await login('not the password at all');
    expect(id).toMatch(UUID);
    const logged = requestLines(id!);
    expect(logged.length).toBeGreaterThanOrEqual(2);
    for (const line of logged) {
      expect(line.operation).toMatch(/^Login(__auth__\d+)?$/);
      expect(line.outcome).toBe('UNAUTHENTICATED');
      expect(line.errorCodes).toEqual(['UNAUTHENTICATED']);
    }
    const written = output.slice(from);
    expect(written).not.toContain('not the password at all');
    expect(written).not.toContain(account.email);
  });

  it('generates an id at the gateway and forwards it to every subgraph the query reaches', async () => {
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${account.accessToken}`,
      },
      body: JSON.stringify({
        query: 'query Book { me { email profile { clients(first: 1) { totalCount } } } }',
      }),
    });
    expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    // Gateway, auth (me), users (profile) and clients (clients).
    expect(requestLines(id!).length).toBeGreaterThanOrEqual(4);
  });

  it('replaces a malformed request id instead of logging it', async () => {
    const forged = `a b"}{"outcome":"success${'x'.repeat(200)}`;
    const { id } = await login('wrong password again', { 'x-request-id': forged });
    expect(id).toMatch(UUID);
    expect(output).not.toContain('"outcome":"success' + 'x');
  });

  it('logs a request refused before GraphQL, with its id', async () => {
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'broken-body-1' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-request-id')).toBe('broken-body-1');
    expect(requestLines('broken-body-1')).toEqual([
      expect.objectContaining({ outcome: 'BAD_REQUEST', status: 400 }),
    ]);
  });

  it('never logs the variables or the document of a request', async () => {
    const from = output.length;
    const res = await stack.gql(
      'mutation Oops($input: LoginInput!) { login(input: $input) { nope } }',
      { input: { email: 'someone.private@example.com', password: 'hunter2-hunter2' } },
    );
    expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const written = output.slice(from);
    expect(written).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(written).not.toMatch(/someone\.private|hunter2|login\(input/);
  });
});
