// Issue 15: the auth service's limits through the real gateway, with small limits. Per client
// address: sign-ups, mailed-link requests, failed attempts with mailed secrets; per session:
// refreshes. Each refusal is RATE_LIMITED with extensions.retryAfter; another address (or
// session) is served meanwhile, and the answers never tell whether an account exists.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { createMailDir, waitForMail } from './fixtures/mail.ts';
import {
  from,
  fromNewAddresses,
  isRateLimited,
  newAddress,
  retryAfterOf,
  runOut,
} from './fixtures/rateLimits.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const MAX = 3;
const HOUR = 3600;

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }`;
const MAGIC_LINK = `mutation ($email: String!) { requestMagicLink(email: $email) }`;
const PASSWORD_RESET = `mutation ($email: String!) { requestPasswordReset(email: $email) }`;
const VERIFICATION = `mutation { requestEmailVerification }`;
const REFRESH = `mutation ($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { refreshToken } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { refreshToken } }`;

let stack: Stack;
let mailDir: string;

beforeAll(async () => {
  mailDir = await createMailDir();
  stack = await startStack({
    env: {
      RATE_LIMITS: 'on',
      RATE_LIMIT_REGISTER_PER_HOUR: String(MAX),
      RATE_LIMIT_MAIL_REQUESTS_PER_HOUR: String(MAX),
      RATE_LIMIT_TOKEN_FAILURES_PER_HOUR: String(MAX),
      RATE_LIMIT_REFRESH_PER_MINUTE: String(MAX),
      MAIL_DIR: mailDir,
    },
  });
});
afterAll(() => stack?.close());

const register = (address: string, email = `user-${randomUUID()}@example.com`) =>
  stack.gql(
    REGISTER,
    { input: { email, password: 'correct horse battery staple', name: 'Test' } },
    from(address),
  );

/** An ACTIVE account registered from an address of its own. */
async function activeAccount(): Promise<TestAccount> {
  const account = await registerAccount(fromNewAddresses(stack));
  await stack.db.auth.authUser.update({
    where: { id: account.id },
    data: { status: 'ACTIVE', emailVerified: true },
  });
  return account;
}

describe('register', () => {
  it('is limited per address; another address registers meanwhile', async () => {
    const address = newAddress();
    const refused = await runOut(MAX, () => register(address));
    expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
    expect(refused.data).toBeNull();
    retryAfterOf(refused, HOUR);
    // An IPv6 address counts by its /64: another host of that network is the same subject.
    const host = address.endsWith('::abcd') ? '::abce' : '::abcd';
    const sameNetwork = address.replace(/::[0-9a-f]+$/, host);
    expect(sameNetwork).not.toBe(address);
    expect(errorCodes(await register(sameNetwork))).toEqual(['RATE_LIMITED']);
    expect(errorCodes(await register(newAddress()))).toEqual([]);
  });

  it('refuses an email already taken exactly like a fresh one once the address is limited', async () => {
    const address = newAddress();
    const taken = await activeAccount();
    await runOut(MAX, () => register(address));
    expect(errorCodes(await register(address, taken.email))).toEqual(['RATE_LIMITED']);
    expect(errorCodes(await register(address))).toEqual(['RATE_LIMITED']);
  });
});

describe.each([
  ['requestMagicLink', MAGIC_LINK, /sign-in link/i],
  ['requestPasswordReset', PASSWORD_RESET, /reset/i],
])('%s', (field, mutation, subject) => {
  const request = (address: string, email: string) => stack.gql(mutation, { email }, from(address));

  it('is limited per address, whether or not the accounts exist', async () => {
    const address = newAddress();
    const known = await activeAccount();
    const emails = [known.email, `nobody-${randomUUID()}@example.com`];
    const refused = await runOut(MAX, (i) => request(address, emails[i % 2]!));
    retryAfterOf(refused, HOUR);
    // The same answer for an account that exists and one that does not.
    for (const email of emails) {
      const res = await request(address, email);
      expect(errorCodes(res)).toEqual(['RATE_LIMITED']);
      expect(res.data).toBeNull();
    }
  });

  it('never stops the same account from another address', async () => {
    const account = await activeAccount();
    const address = newAddress();
    await runOut(MAX, () => request(address, `nobody-${randomUUID()}@example.com`));
    expect(isRateLimited(await request(address, account.email))).toBe(true);
    const other = await request(newAddress(), account.email);
    expect(other.data).toEqual({ [field]: true });
    await waitForMail(mailDir, account.email, { subject });
  });
});

describe('requestEmailVerification', () => {
  it('is limited per address', async () => {
    const address = newAddress();
    const account = await registerAccount(fromNewAddresses(stack));
    const refused = await runOut(MAX, () =>
      stack.gql(VERIFICATION, {}, from(address, account.accessToken)),
    );
    retryAfterOf(refused, HOUR);
    const other = await stack.gql(VERIFICATION, {}, from(newAddress(), account.accessToken));
    expect(errorCodes(other)).not.toContain('RATE_LIMITED');
  });
});

describe.each([
  [
    'signInWithMagicLink',
    `mutation ($t: String!) { signInWithMagicLink(token: $t) { accessToken } }`,
    'UNAUTHENTICATED',
  ],
  [
    'resetPassword',
    `mutation ($t: String!) { resetPassword(token: $t, newPassword: "correct horse battery staple") }`,
    'BAD_USER_INPUT',
  ],
  ['verifyEmail', `mutation ($t: String!) { verifyEmail(token: $t) { id } }`, 'BAD_USER_INPUT'],
  [
    'acceptInvitation',
    `mutation ($t: String!) { acceptInvitation(input: { token: $t, password: "correct horse battery staple" }) { accessToken } }`,
    'BAD_USER_INPUT',
  ],
])('%s', (_field, mutation, failure) => {
  const attempt = (address: string) =>
    stack.gql(mutation, { t: `guess-${randomUUID()}` }, from(address));

  it('limits failed attempts per address; another address keeps its own count', async () => {
    const address = newAddress();
    for (let i = 0; i < MAX; i++) expect(errorCodes(await attempt(address))).toEqual([failure]);
    const refused = await attempt(address);
    // A window may have ended during the loop: then the next attempt after MAX more is refused.
    const final = isRateLimited(refused) ? refused : await runOut(MAX - 1, () => attempt(address));
    expect(errorCodes(final)).toEqual(['RATE_LIMITED']);
    retryAfterOf(final, HOUR);
    expect(errorCodes(await attempt(newAddress()))).toEqual([failure]);
  });
});

describe('refreshSession', () => {
  it('is limited per session; another session of the account refreshes meanwhile', async () => {
    const address = newAddress();
    const account = await activeAccount();
    let token = account.refreshToken;
    const refused = await runOut(MAX, async () => {
      const res = await stack.gql<{ refreshSession: { refreshToken: string } | null }>(
        REFRESH,
        { refreshToken: token },
        from(address),
      );
      if (res.data?.refreshSession) token = res.data.refreshSession.refreshToken;
      return res;
    });
    retryAfterOf(refused, 60);
    const login = await stack.gql<{ login: { refreshToken: string } }>(
      LOGIN,
      { input: { email: account.email, password: account.password } },
      from(address),
    );
    const other = await stack.gql(
      REFRESH,
      { refreshToken: login.data?.login.refreshToken },
      from(address),
    );
    expect(errorCodes(other)).toEqual([]);
  });
});
