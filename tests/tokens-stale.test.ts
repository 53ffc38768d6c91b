// A frontend that still sends an expired, revoked or invalid access token (what Apollo Client
// links do by default) is not locked out: through the gateway, operations that need no caller
// run anonymous with `extensions.tokenIgnored: true`, and those that need one answer
// UNAUTHENTICATED as for anyone anonymous. A valid token is never flagged.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from './fixtures/users.ts';
import { expiredToken } from './fixtures/staleTokens.ts';
import { errorCodes, type GraphQLResponse } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const LOGIN =
  'mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }';
const REGISTER = 'mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }';
const REFRESH =
  'mutation ($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { refreshToken } }';
const RESET = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';
const USER = 'query ($id: ID!) { user(id: $id) { id name } }';

let stack: Stack;
let user: TestUser;
const stale: Record<string, string> = {};

beforeAll(async () => {
  stack = await startStack();
  user = await createUser(stack, 'Stale Tab');
  stale['expired'] = await expiredToken(stack, user.accessToken);
  stale['invalid'] = `${user.accessToken.slice(0, -4)}AAAA`;
  // A second session, logged out: its token is revoked at once.
  const login = await stack.gql<{ login: { accessToken: string } }>(LOGIN, {
    input: { email: user.email, password: user.password },
  });
  const revoked = login.data!.login.accessToken;
  expect(errorCodes(await stack.gql('mutation { logout }', {}, { token: revoked }))).toEqual([]);
  // The gateway learns of the revocation from the auth service's stream: wait for it.
  for (let tries = 0; tries < 50; tries++) {
    const me = await stack.gql('{ me { id } }', {}, { token: revoked });
    if (me.extensions?.tokenIgnored) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stale['revoked'] = revoked;
});
afterAll(() => stack?.close());

/** Fails unless the request ran anonymous: HTTP 200, no errors, the ignored-token flag. */
function expectAnonymousSuccess(res: GraphQLResponse<unknown>) {
  expect({ status: res.status, errors: res.errors, extensions: res.extensions }).toEqual({
    status: 200,
    errors: undefined,
    extensions: { tokenIgnored: true },
  });
}

describe.each(['expired', 'revoked', 'invalid'])('with an %s token', (kind) => {
  const token = () => stale[kind]!;

  it('logs in, and the new token works', async () => {
    const res = await stack.gql<{ login: { accessToken: string } }>(
      LOGIN,
      { input: { email: user.email, password: user.password } },
      { token: token() },
    );
    expectAnonymousSuccess(res);
    const me = await stack.gql<{ me: { id: string } }>(
      '{ me { id } }',
      {},
      {
        token: res.data!.login.accessToken,
      },
    );
    expect(me.data?.me.id).toBe(user.id);
    expect(me.extensions?.tokenIgnored).toBeUndefined();
  });

  it('registers', async () => {
    const input = {
      email: `stale-${randomUUID()}@example.com`,
      password: user.password,
      name: 'N',
    };
    const res = await stack.gql(REGISTER, { input }, { token: token() });
    expectAnonymousSuccess(res);
  });

  it('refreshes a session', async () => {
    const login = await stack.gql<{ login: { refreshToken: string } }>(LOGIN, {
      input: { email: user.email, password: user.password },
    });
    const res = await stack.gql<{ refreshSession: { refreshToken: string } }>(
      REFRESH,
      { refreshToken: login.data!.login.refreshToken },
      { token: token() },
    );
    expectAnonymousSuccess(res);
    expect(res.data?.refreshSession.refreshToken).toEqual(expect.any(String));
  });

  it('requests a password reset and reads a public profile', async () => {
    expectAnonymousSuccess(await stack.gql(RESET, { email: user.email }, { token: token() }));
    const res = await stack.gql<{ user: { id: string } }>(
      USER,
      { id: user.profileId },
      { token: token() },
    );
    expectAnonymousSuccess(res);
    expect(res.data?.user.id).toBe(user.profileId);
  });

  it('answers me with null, as for anyone anonymous', async () => {
    const res = await stack.gql('{ me { id } }', {}, { token: token() });
    expectAnonymousSuccess(res);
    expect(res.data).toEqual({ me: null });
  });

  it('still refuses operations that need a caller with UNAUTHENTICATED', async () => {
    for (const query of [
      'mutation { logout }',
      'query { clients(first: 1) { totalCount } }',
      'mutation { updatePreferences(settings: { theme: "dark" }) { id } }',
    ]) {
      const res = await stack.gql(query, {}, { token: token() });
      expect({ query, codes: errorCodes(res), ext: res.extensions }).toEqual({
        query,
        codes: ['UNAUTHENTICATED'],
        ext: { tokenIgnored: true },
      });
    }
  });

  it('does not let a private field through (the access rules see an anonymous caller)', async () => {
    const res = await stack.gql(
      'query ($id: ID!) { user(id: $id) { id email account { email } } }',
      { id: user.profileId },
      { token: token() },
    );
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(JSON.stringify(res.data)).not.toContain(user.email);
  });
});

it('flags nothing for a valid token or none', async () => {
  const valid = await stack.gql('{ me { id } }', {}, { token: user.accessToken });
  expect({ errors: valid.errors, extensions: valid.extensions }).toEqual({
    errors: undefined,
    extensions: undefined,
  });
  const none = await stack.gql('{ me { id } }');
  expect(none.extensions).toBeUndefined();
});
