// Password recovery through the gateway: requestPasswordReset mails a single-use link,
// resetPassword sets the password, consumes the token and revokes every session.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount } from './fixtures/accounts.ts';
import { createMailDir, mailsTo, waitForMail } from './fixtures/mail.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startSubgraph, type SubgraphUnderTest } from './helpers/services.ts';

const REQUEST = `mutation ($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation ($token: String!, $newPassword: String!) {
  resetPassword(token: $token, newPassword: $newPassword)
}`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`;
const REFRESH = `mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`;
const NEW_PASSWORD = 'a brand new long passphrase';

let stack: SubgraphUnderTest;
let mailDir: string;

beforeAll(async () => {
  mailDir = await createMailDir();
  stack = await startSubgraph('auth', {
    env: { MAIL_DIR: mailDir, APP_URL: 'https://app.example.test' },
  });
});
afterAll(() => stack?.close());

async function requestResetToken(email: string, count = 1) {
  const res = await stack.gql(REQUEST, { email });
  expect(res.data).toEqual({ requestPasswordReset: true });
  return waitForMail(mailDir, email, { subject: /reset/i, count });
}

describe('requestPasswordReset', () => {
  it('mails a link with ?token= on APP_URL and stores only the hash', async () => {
    const account = await registerAccount(stack);
    const mail = await requestResetToken(account.email.toUpperCase());
    expect(mail.link).toMatch(/^https:\/\/app\.example\.test\/reset-password\?token=/);
    expect(Buffer.from(mail.token, 'base64url')).toHaveLength(32);
    const rows = await stack.db.auth.authPasswordResetToken.findMany({
      where: { userId: account.id },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).not.toContain(mail.token);
    const lifetime = (rows[0]?.expiresAt.getTime() ?? 0) - (rows[0]?.createdAt.getTime() ?? 0);
    expect(Math.abs(lifetime - 3_600_000)).toBeLessThan(5_000);
  });

  it('answers true for an unknown email and mails nothing', async () => {
    const email = `nobody-${randomUUID()}@example.com`;
    expect((await stack.gql(REQUEST, { email })).data).toEqual({ requestPasswordReset: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await mailsTo(mailDir, email, /reset/i)).toEqual([]);
  });

  it('mails one account at most 5 links an hour', async () => {
    const account = await registerAccount(stack);
    for (let i = 0; i < 6; i++) await stack.gql(REQUEST, { email: account.email });
    await waitForMail(mailDir, account.email, { subject: /reset/i, count: 5 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await mailsTo(mailDir, account.email, /reset/i)).toHaveLength(5);
  });

  it('refuses a malformed email with BAD_USER_INPUT', async () => {
    expect(errorCodes(await stack.gql(REQUEST, { email: 'not an email' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe('resetPassword', () => {
  it('sets the password, consumes the token and revokes every session', async () => {
    const account = await registerAccount(stack);
    const { token } = await requestResetToken(account.email);
    const res = await stack.gql(RESET, { token, newPassword: NEW_PASSWORD });
    expect(res.data).toEqual({ resetPassword: true });

    const oldLogin = await stack.gql(LOGIN, {
      input: { email: account.email, password: account.password },
    });
    expect(errorCodes(oldLogin)).toEqual(['UNAUTHENTICATED']);
    const newLogin = await stack.gql(LOGIN, {
      input: { email: account.email, password: NEW_PASSWORD },
    });
    expect(newLogin.errors).toBeUndefined();

    const sessions = await stack.db.auth.authSession.findMany({ where: { userId: account.id } });
    const revoked = sessions.filter((s) => s.revokedReason === 'password_reset');
    expect(revoked).toHaveLength(1);
    const blacklisted = await stack.db.auth.authTokenBlacklist.findMany({
      where: { userId: account.id, tokenType: 'SESSION' },
    });
    expect(blacklisted.map((b) => b.sessionId)).toEqual(revoked.map((s) => s.id));
    expect(blacklisted[0]?.tokenHash).toBe(revoked[0]?.id);
    expect(errorCodes(await stack.gql(REFRESH, { t: account.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);

    const reused = await stack.gql(RESET, { token, newPassword: 'yet another long passphrase' });
    expect(errorCodes(reused)).toEqual(['BAD_USER_INPUT']);
  });

  it('unlocks the account: the new password signs in at once where guesses had locked it', async () => {
    const account = await registerAccount(stack);
    const from = {
      headers: { 'x-forwarded-for': `203.0.113.${1 + Math.floor(Math.random() * 250)}` },
    };
    const login = (password: string) =>
      stack.gql(LOGIN, { input: { email: account.email, password } }, from);
    for (let i = 0; i < 5; i++) {
      expect(errorCodes(await login('not the right password'))).toEqual(['UNAUTHENTICATED']);
    }
    expect(errorCodes(await login(account.password))).toEqual(['RATE_LIMITED']);
    const { token } = await requestResetToken(account.email);
    expect((await stack.gql(RESET, { token, newPassword: NEW_PASSWORD })).data).toEqual({
      resetPassword: true,
    });
    const res = await login(NEW_PASSWORD);
    expect(res.errors).toBeUndefined();
  });

  it('refuses a weak password without consuming the token', async () => {
    const account = await registerAccount(stack);
    const { token } = await requestResetToken(account.email);
    expect(errorCodes(await stack.gql(RESET, { token, newPassword: 'short' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect((await stack.gql(RESET, { token, newPassword: NEW_PASSWORD })).data).toEqual({
      resetPassword: true,
    });
  });

  it('refuses unknown, expired and superseded tokens', async () => {
    const account = await registerAccount(stack);
    const first = await requestResetToken(account.email, 1);
    const second = await requestResetToken(account.email, 2);
    expect(second.token).not.toBe(first.token);
    const superseded = await stack.gql(RESET, { token: first.token, newPassword: NEW_PASSWORD });
    expect(errorCodes(superseded)).toEqual(['BAD_USER_INPUT']);
    const unknown = await stack.gql(RESET, { token: 'x'.repeat(43), newPassword: NEW_PASSWORD });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);

    await stack.db.auth.authPasswordResetToken.updateMany({
      where: { userId: account.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await stack.gql(RESET, { token: second.token, newPassword: NEW_PASSWORD });
    expect(errorCodes(expired)).toEqual(['BAD_USER_INPUT']);
  });

  it('mails nothing to, and resets nothing for, a suspended account', async () => {
    const account = await registerAccount(stack);
    const { token } = await requestResetToken(account.email);
    await stack.db.auth.authUser.update({
      where: { id: account.id },
      data: { status: 'SUSPENDED' },
    });
    expect(errorCodes(await stack.gql(RESET, { token, newPassword: NEW_PASSWORD }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    await stack.gql(REQUEST, { email: account.email });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await mailsTo(mailDir, account.email, /reset/i)).toHaveLength(1);
  });
});
