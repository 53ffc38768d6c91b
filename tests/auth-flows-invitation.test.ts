// Invitations through the gateway: an ADMIN invites an address (mailed 7-day single-use
// token); accepting creates the account with the invited role, email verified, signed in.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { createMailDir, waitForMail } from './fixtures/mail.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startSubgraph, type SubgraphUnderTest } from './helpers/services.ts';

const INVITE = `mutation ($email: String!, $role: UserRole) {
  inviteUser(email: $email, role: $role) { id email role expiresAt }
}`;
const ACCEPT = `mutation ($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { accessToken refreshToken user { id email role emailVerified status name } }
}`;
const ME = `query { me { id role } }`;
const PASSWORD = 'a long invited passphrase';

let stack: SubgraphUnderTest;
let mailDir: string;
let admin: TestAccount;

beforeAll(async () => {
  mailDir = await createMailDir();
  stack = await startSubgraph('auth', {
    env: { MAIL_DIR: mailDir, APP_URL: 'https://app.example.test' },
  });
  admin = await registerAccount(stack);
  await stack.db.auth.authUser.update({
    where: { id: admin.id },
    data: { role: 'ADMIN', status: 'ACTIVE' },
  });
});
afterAll(() => stack?.close());

const newEmail = () => `invitee-${randomUUID()}@example.com`;

async function invite(email: string, role?: string, count = 1) {
  const res = await stack.gql<{ inviteUser: { id: string; expiresAt: string } }>(
    INVITE,
    { email, role },
    { token: admin.accessToken },
  );
  expect(res.errors).toBeUndefined();
  const mail = await waitForMail(mailDir, email, { subject: /invited/i, count });
  return { invitation: res.data?.inviteUser, token: mail.token, link: mail.link };
}

describe('inviteUser', () => {
  it('mails a 7-day accept-invitation link and returns the invitation', async () => {
    const email = newEmail();
    const { invitation, link } = await invite(email.toUpperCase(), 'MODERATOR');
    expect(invitation).toMatchObject({ email, role: 'MODERATOR' });
    const lifetime = new Date(invitation?.expiresAt ?? 0).getTime() - Date.now();
    expect(Math.abs(lifetime - 7 * 86_400_000)).toBeLessThan(60_000);
    expect(link).toMatch(/^https:\/\/app\.example\.test\/accept-invitation\?token=/);
  });

  it('is ADMIN only, refuses existing accounts and malformed emails', async () => {
    const user = await registerAccount(stack);
    const asUser = await stack.gql(INVITE, { email: newEmail() }, { token: user.accessToken });
    expect(errorCodes(asUser)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await stack.gql(INVITE, { email: newEmail() }))).toEqual(['UNAUTHENTICATED']);
    const asAdmin = { token: admin.accessToken };
    expect(errorCodes(await stack.gql(INVITE, { email: user.email }, asAdmin))).toEqual([
      'CONFLICT',
    ]);
    expect(errorCodes(await stack.gql(INVITE, { email: 'not-an-email' }, asAdmin))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('is RATE_LIMITED after 5 invitations to one address an hour', async () => {
    const email = newEmail();
    const send = () => stack.gql(INVITE, { email }, { token: admin.accessToken });
    for (let i = 0; i < 5; i++) expect((await send()).errors).toBeUndefined();
    expect(errorCodes(await send())).toEqual(['RATE_LIMITED']);
  });
});

describe('acceptInvitation', () => {
  it('creates the verified account with the invited role and signs it in, once', async () => {
    const email = newEmail();
    const { token } = await invite(email, 'MODERATOR');
    const input = { token, password: PASSWORD, name: 'Grace Hopper' };
    const res = await stack.gql<{
      acceptInvitation: { accessToken: string; user: { id: string } };
    }>(ACCEPT, { input });
    expect(res.errors).toBeUndefined();
    const payload = res.data?.acceptInvitation;
    expect(payload?.user).toMatchObject({
      email,
      role: 'MODERATOR',
      emailVerified: true,
      status: 'ACTIVE',
      name: 'Grace Hopper',
    });
    const me = await stack.gql(ME, {}, { token: payload?.accessToken });
    expect(me.data).toEqual({ me: { id: payload?.user.id, role: 'MODERATOR' } });
    const row = await stack.db.auth.authInvitationToken.findFirst({ where: { email } });
    expect(row).toMatchObject({ used: true, acceptedUserId: payload?.user.id, userId: admin.id });

    expect(errorCodes(await stack.gql(ACCEPT, { input }))).toEqual(['BAD_USER_INPUT']);
  });

  it('defaults the role to USER', async () => {
    const { invitation, token } = await invite(newEmail());
    expect(invitation).toMatchObject({ role: 'USER' });
    const res = await stack.gql(ACCEPT, { input: { token, password: PASSWORD } });
    expect(res.data).toMatchObject({ acceptInvitation: { user: { role: 'USER' } } });
  });

  it('refuses a weak password without consuming the token', async () => {
    const { token } = await invite(newEmail());
    expect(errorCodes(await stack.gql(ACCEPT, { input: { token, password: 'short' } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect((await stack.gql(ACCEPT, { input: { token, password: PASSWORD } })).errors).toBe(
      undefined,
    );
  });

  it('refuses superseded, expired and unknown tokens', async () => {
    const email = newEmail();
    const first = await invite(email, 'USER', 1);
    const second = await invite(email, 'USER', 2);
    const accept = (token: string) => stack.gql(ACCEPT, { input: { token, password: PASSWORD } });
    expect(errorCodes(await accept(first.token))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await accept(randomUUID()))).toEqual(['BAD_USER_INPUT']);
    await stack.db.auth.authInvitationToken.updateMany({
      where: { email },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(errorCodes(await accept(second.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('is CONFLICT when the address registered meanwhile, and the token stays unused', async () => {
    const email = newEmail();
    const { token } = await invite(email);
    await registerAccount(stack, { email });
    expect(errorCodes(await stack.gql(ACCEPT, { input: { token, password: PASSWORD } }))).toEqual([
      'CONFLICT',
    ]);
    const row = await stack.db.auth.authInvitationToken.findFirst({ where: { email } });
    expect(row?.used).toBe(false);
  });
});
