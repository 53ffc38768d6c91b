// Verifying an email address ends every other session of the account (defeats account
// pre-hijacking: whoever registered the address before its owner loses access), through the
// revocation path: the old access tokens are refused within a second at the gateway and at
// every subgraph, and their refresh tokens no longer work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { createMailDir, waitForMail } from './fixtures/mail.ts';
import { errorCodes, tokenOutcome, type GraphQLClient } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const VERIFY = `mutation ($token: String!) { verifyEmail(token: $token) { id emailVerified } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation ($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { accessToken } }`;

let stack: Stack;
let mailDir: string;

beforeAll(async () => {
  mailDir = await createMailDir();
  stack = await startStack({ env: { MAIL_DIR: mailDir, APP_URL: 'https://app.example.test' } });
});
afterAll(() => stack?.close());

const codes = async (client: GraphQLClient, token: string) =>
  tokenOutcome(await client.gql('{ __typename }', {}, { token }));
const refusedWithinASecond = async (token: string) => {
  const targets = [stack, ...(['auth', 'users', 'clients'] as const).map(stack.subgraph)];
  const started = performance.now();
  for (const target of targets) {
    await expect
      .poll(() => codes(target, token), { timeout: 1_000, interval: 25 })
      // The gateway ignores the ended session's token (runs anonymous); subgraphs refuse it.
      .toEqual(target === stack ? ['TOKEN_IGNORED'] : ['UNAUTHENTICATED']);
  }
  expect(performance.now() - started).toBeLessThan(1_000);
};

async function secondSession(account: TestAccount) {
  const res = await stack.gql<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, {
    input: { email: account.email, password: account.password },
  });
  expect(res.errors).toBeUndefined();
  return res.data!.login;
}

describe('verifyEmail ends the other sessions', () => {
  it('ends every session when the verifier is not signed in (the owner clicks the link)', async () => {
    // The pre-hijacker registered the owner's address and holds two sessions.
    const squatter = await registerAccount(stack);
    const other = await secondSession(squatter);
    const { token } = await waitForMail(mailDir, squatter.email, { subject: /confirm/i });
    for (const t of [squatter.accessToken, other.accessToken])
      expect(await codes(stack, t)).toEqual([]);

    const res = await stack.gql(VERIFY, { token });
    expect(res.errors).toBeUndefined();
    await refusedWithinASecond(squatter.accessToken);
    await refusedWithinASecond(other.accessToken);
    for (const refreshToken of [squatter.refreshToken, other.refreshToken]) {
      expect(errorCodes(await stack.gql(REFRESH, { refreshToken }))).toEqual(['UNAUTHENTICATED']);
    }
    const sessions = await stack.db.auth.authSession.findMany({ where: { userId: squatter.id } });
    expect(sessions.map((s) => s.revokedReason)).toEqual(['email_verified', 'email_verified']);
  });

  it("keeps the verifier's own session when they are signed in to the account", async () => {
    const account = await registerAccount(stack);
    const other = await secondSession(account);
    const { token } = await waitForMail(mailDir, account.email, { subject: /confirm/i });
    const res = await stack.gql(VERIFY, { token }, { token: other.accessToken });
    expect(res.errors).toBeUndefined();
    await refusedWithinASecond(account.accessToken);
    expect(await codes(stack, other.accessToken)).toEqual([]);
    expect((await stack.gql(REFRESH, { refreshToken: other.refreshToken })).errors).toBeUndefined();
  });

  it('ends every session when the caller is signed in to another account', async () => {
    const account = await registerAccount(stack);
    const bystander = await registerAccount(stack);
    const { token } = await waitForMail(mailDir, account.email, { subject: /confirm/i });
    expect((await stack.gql(VERIFY, { token }, { token: bystander.accessToken })).errors).toBe(
      undefined,
    );
    await refusedWithinASecond(account.accessToken);
    expect(await codes(stack, bystander.accessToken)).toEqual([]);
  });
});
