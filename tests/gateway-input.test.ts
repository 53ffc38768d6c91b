// Bad requests at the gateway: clear GraphQL errors with the right code, never a 500 or a
// stack trace in production; one subgraph down blanks only the fields it owns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { errorCodes } from './helpers/graphql.ts';
import { createMailDir } from './fixtures/mail.ts';
import { startStack, type Stack } from './helpers/stack.ts';

async function post(url: string, body: string, contentType = 'application/json') {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
  return {
    status: res.status,
    body: (await res.json()) as { errors?: { extensions?: Record<string, unknown> }[] },
  };
}

describe('gateway input handling (production mode)', () => {
  let stack: Stack;
  let account: TestAccount;

  beforeAll(async () => {
    stack = await startStack({
      env: {
        NODE_ENV: 'production',
        MAX_QUERY_DEPTH: '6',
        APP_URL: 'https://app.example.com',
        // Production wants SMTP_URL or MAIL_DIR: the run's mail directory, removed at the end.
        MAIL_DIR: await createMailDir(),
      },
    });
    account = await registerAccount(stack);
  });
  afterAll(() => stack?.close());

  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    const res = await post(stack.gatewayUrl, '{"query": ');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('refuses an oversized body with 413', async () => {
    const res = await post(
      stack.gatewayUrl,
      JSON.stringify({ query: `{ me { id } } #${'x'.repeat(7_000_000)}` }),
    );
    expect(res.status).toBe(413);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('reports syntax errors as GRAPHQL_PARSE_FAILED', async () => {
    const res = await stack.gql('{ me { id ');
    expect(errorCodes(res)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('reports unknown fields as GRAPHQL_VALIDATION_FAILED without suggestions', async () => {
    const res = await stack.gql('{ me { emial } }');
    expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('reports bad variables as BAD_USER_INPUT', async () => {
    const res = await stack.gql(
      'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
      {
        input: { email: 42 },
      },
    );
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(new Set(errorCodes(res))).toEqual(new Set(['BAD_USER_INPUT']));
  });

  it('rejects documents with more tokens than the limit as GRAPHQL_PARSE_FAILED', async () => {
    const res = await stack.gql(`{ ${'me { id } '.repeat(1000)} }`);
    expect(errorCodes(res)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('rejects queries deeper than the limit', async () => {
    const res = await stack.gql(
      '{ me { profile { clients(first: 1) { edges { node { owner { account { email } } } } } } } }',
      {},
      { token: account.accessToken },
    );
    expect(res.data ?? null).toBeNull();
    expect(errorCodes(res)).toContain('GRAPHQL_VALIDATION_FAILED');
  });

  it('never sends stack traces in production', async () => {
    // Refused before execution (a malformed Authorization header) and in a resolver (logout
    // needs a caller; the invalid token is ignored).
    const header = { headers: { authorization: 'Basic not-a-jwt' } };
    for (const res of [
      await stack.gql('{ me { id } }', {}, header),
      await stack.gql('mutation { logout }', {}, { token: 'not-a-jwt' }),
    ]) {
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
      expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.ts:/);
    }
  });

  it('turns off introspection and Sandbox in production', async () => {
    const res = await stack.gql('{ __schema { queryType { name } } }');
    expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('a subgraph that is down', () => {
  let stack: Stack;
  let account: TestAccount;

  beforeAll(async () => {
    stack = await startStack();
    account = await registerAccount(stack);
  });
  afterAll(() => stack?.close());

  it('blanks only the fields it owns', async () => {
    await stack.stopSubgraph('users');
    const res = await stack.gql<{ me: { email: string; profile: null } }>(
      '{ me { email profile { id } } }',
      {},
      { token: account.accessToken },
    );
    expect(res.status).toBe(200);
    expect(res.data?.me).toEqual({ email: account.email, profile: null });
    expect(res.errors?.length).toBeGreaterThan(0);
  });
});
