// Email verification through the gateway: requestEmailVerification mails a 24-hour link,
// verifyEmail marks the email verified and activates a PENDING_VERIFICATION account.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount } from './fixtures/accounts.ts';
import { createMailDir, mailsTo, waitForMail } from './fixtures/mail.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startSubgraph, type SubgraphUnderTest } from './helpers/services.ts';

const REQUEST = `mutation RequestEmailVerification { requestEmailVerification }`;
const VERIFY = `mutation ($token: String!) { verifyEmail(token: $token) { id emailVerified status } }`;

let stack: SubgraphUnderTest;
let mailDir: string;

beforeAll(async () => {
  mailDir = await createMailDir();
  stack = await startSubgraph('auth', {
    env: { MAIL_DIR: mailDir, APP_URL: 'https://app.example.test/' },
  });
});
afterAll(() => stack?.close());

// register already mailed one verification link, so a request's link is the second one.
async function requestToken(accessToken: string, email: string, count = 2) {
  const res = await stack.gql(REQUEST, {}, { token: accessToken });
  expect(res.data).toEqual({ requestEmailVerification: true });
  return waitForMail(mailDir, email, { subject: /confirm/i, count });
}

describe('requestEmailVerification', () => {
  it('needs a signed-in caller', async () => {
    expect(errorCodes(await stack.gql(REQUEST))).toEqual(['UNAUTHENTICATED']);
  });

  it('mails a 24-hour verify-email link', async () => {
    const account = await registerAccount(stack);
    const mail = await requestToken(account.accessToken, account.email);
    expect(mail.link).toMatch(/^https:\/\/app\.example\.test\/verify-email\?token=[\w-]{43}$/);
    const [row] = await stack.db.auth.authEmailVerificationToken.findMany({
      where: { userId: account.id, used: false },
    });
    expect(row?.email).toBe(account.email);
    const lifetime = (row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0);
    expect(Math.abs(lifetime - 86_400_000)).toBeLessThan(5_000);
  });

  it('is RATE_LIMITED after 5 links an hour, the one mailed at registration included', async () => {
    const account = await registerAccount(stack);
    const request = () => stack.gql(REQUEST, {}, { token: account.accessToken });
    for (let i = 0; i < 4; i++) expect((await request()).errors).toBeUndefined();
    expect(errorCodes(await request())).toEqual(['RATE_LIMITED']);
  });
});

describe('register', () => {
  it('mails a verification link that verifies the new account', async () => {
    const account = await registerAccount(stack);
    const { token } = await waitForMail(mailDir, account.email, { subject: /confirm/i });
    const res = await stack.gql(VERIFY, { token });
    expect(res.data).toEqual({
      verifyEmail: { id: account.id, emailVerified: true, status: 'ACTIVE' },
    });
  });
});

describe('verifyEmail', () => {
  it('verifies the email, activates the account and consumes the token', async () => {
    const account = await registerAccount(stack);
    const { token } = await requestToken(account.accessToken, account.email);
    // Verified while signed in: this session survives (verifying ends the others).
    const res = await stack.gql(VERIFY, { token }, { token: account.accessToken });
    expect(res.data).toEqual({
      verifyEmail: { id: account.id, emailVerified: true, status: 'ACTIVE' },
    });
    expect(errorCodes(await stack.gql(VERIFY, { token }))).toEqual(['BAD_USER_INPUT']);

    // Already verified: true, and nothing more is mailed.
    const again = await stack.gql(REQUEST, {}, { token: account.accessToken });
    expect(again.data).toEqual({ requestEmailVerification: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await mailsTo(mailDir, account.email)).toHaveLength(2);
  });

  it('keeps a suspended account suspended', async () => {
    const account = await registerAccount(stack);
    const { token } = await requestToken(account.accessToken, account.email);
    await stack.db.auth.authUser.update({
      where: { id: account.id },
      data: { status: 'SUSPENDED' },
    });
    const res = await stack.gql(VERIFY, { token });
    expect(res.data).toEqual({
      verifyEmail: { id: account.id, emailVerified: true, status: 'SUSPENDED' },
    });
  });

  it('refuses unknown, superseded and expired tokens', async () => {
    const account = await registerAccount(stack);
    const first = await requestToken(account.accessToken, account.email, 1);
    const second = await requestToken(account.accessToken, account.email, 2);
    expect(errorCodes(await stack.gql(VERIFY, { token: first.token }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await stack.gql(VERIFY, { token: randomUUID() }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    await stack.db.auth.authEmailVerificationToken.updateMany({
      where: { userId: account.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(errorCodes(await stack.gql(VERIFY, { token: second.token }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const user = await stack.db.auth.authUser.findUniqueOrThrow({ where: { id: account.id } });
    expect(user.emailVerified).toBe(false);
  });

  it('refuses a token sent to an address the account no longer has', async () => {
    const account = await registerAccount(stack);
    const { token } = await requestToken(account.accessToken, account.email);
    await stack.db.auth.authUser.update({
      where: { id: account.id },
      data: { email: `changed-${randomUUID()}@example.com` },
    });
    expect(errorCodes(await stack.gql(VERIFY, { token }))).toEqual(['BAD_USER_INPUT']);
  });
});
