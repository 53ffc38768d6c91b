// Passwordless sign-in through the gateway: requestMagicLink always answers true and mails a
// 15-minute single-use link to ACTIVE accounts; signInWithMagicLink consumes it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { createMailDir, mailsTo, waitForMail } from './fixtures/mail.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startSubgraph, type SubgraphUnderTest } from './helpers/services.ts';

const REQUEST = `mutation ($email: String!) { requestMagicLink(email: $email) }`;
const SIGN_IN = `mutation ($token: String!) {
  signInWithMagicLink(token: $token) { accessToken refreshToken user { id email emailVerified } }
}`;
const ME = `query { me { id } }`;

let stack: SubgraphUnderTest;
let mailDir: string;

beforeAll(async () => {
  mailDir = await createMailDir();
  stack = await startSubgraph('auth', {
    env: { MAIL_DIR: mailDir, APP_URL: 'https://app.example.test' },
  });
});
afterAll(() => stack?.close());

async function activeAccount(): Promise<TestAccount> {
  const account = await registerAccount(stack);
  await stack.db.auth.authUser.update({
    where: { id: account.id },
    data: { status: 'ACTIVE', emailVerified: true },
  });
  return account;
}

async function requestLink(email: string, count = 1) {
  expect((await stack.gql(REQUEST, { email })).data).toEqual({ requestMagicLink: true });
  return waitForMail(mailDir, email, { subject: /sign-in link/i, count });
}

async function expectNoMail(email: string) {
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await mailsTo(mailDir, email, /sign-in link/i)).toEqual([]);
}

describe('requestMagicLink', () => {
  it('mails a 15-minute link to an active account', async () => {
    const account = await activeAccount();
    const mail = await requestLink(account.email);
    expect(mail.link).toMatch(/^https:\/\/app\.example\.test\/magic-link\?token=/);
    const [row] = await stack.db.auth.authMagicLinkToken.findMany({
      where: { userId: account.id },
    });
    const lifetime = (row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0);
    expect(Math.abs(lifetime - 900_000)).toBeLessThan(5_000);
  });

  it('answers true and mails nothing for unknown, pending and suspended accounts', async () => {
    const unknown = `nobody-${randomUUID()}@example.com`;
    expect((await stack.gql(REQUEST, { email: unknown })).data).toEqual({
      requestMagicLink: true,
    });
    const pending = await registerAccount(stack);
    expect((await stack.gql(REQUEST, { email: pending.email })).data).toEqual({
      requestMagicLink: true,
    });
    const suspended = await activeAccount();
    await stack.db.auth.authUser.update({
      where: { id: suspended.id },
      data: { status: 'SUSPENDED' },
    });
    expect((await stack.gql(REQUEST, { email: suspended.email })).data).toEqual({
      requestMagicLink: true,
    });
    await expectNoMail(unknown);
    await expectNoMail(pending.email);
    await expectNoMail(suspended.email);
  });

  it('mails one account at most 5 links an hour', async () => {
    const account = await activeAccount();
    for (let i = 0; i < 6; i++) await stack.gql(REQUEST, { email: account.email });
    await waitForMail(mailDir, account.email, { subject: /sign-in link/i, count: 5 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await mailsTo(mailDir, account.email, /sign-in link/i)).toHaveLength(5);
  });

  it('refuses a malformed email with BAD_USER_INPUT', async () => {
    expect(errorCodes(await stack.gql(REQUEST, { email: 'nope' }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('signInWithMagicLink', () => {
  it('signs in once; the used token is UNAUTHENTICATED', async () => {
    const account = await activeAccount();
    const { token } = await requestLink(account.email);
    const res = await stack.gql<{
      signInWithMagicLink: { accessToken: string; user: { id: string } };
    }>(SIGN_IN, { token });
    expect(res.errors).toBeUndefined();
    expect(res.data?.signInWithMagicLink.user).toEqual({
      id: account.id,
      email: account.email,
      emailVerified: true,
    });
    const me = await stack.gql(ME, {}, { token: res.data?.signInWithMagicLink.accessToken });
    expect(me.data).toEqual({ me: { id: account.id } });
    expect(errorCodes(await stack.gql(SIGN_IN, { token }))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses expired, superseded and unknown tokens', async () => {
    const account = await activeAccount();
    const first = await requestLink(account.email, 1);
    const second = await requestLink(account.email, 2);
    expect(errorCodes(await stack.gql(SIGN_IN, { token: first.token }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(errorCodes(await stack.gql(SIGN_IN, { token: 'garbage' }))).toEqual(['UNAUTHENTICATED']);
    await stack.db.auth.authMagicLinkToken.updateMany({
      where: { userId: account.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(errorCodes(await stack.gql(SIGN_IN, { token: second.token }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('refuses a link of an account suspended after it was sent', async () => {
    const account = await activeAccount();
    const { token } = await requestLink(account.email);
    await stack.db.auth.authUser.update({
      where: { id: account.id },
      data: { status: 'SUSPENDED' },
    });
    expect(errorCodes(await stack.gql(SIGN_IN, { token }))).toEqual(['UNAUTHENTICATED']);
  });
});
