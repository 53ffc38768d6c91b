// An invitation speaks for its inviter: it is accepted only while the inviter may still grant
// the role (an ACTIVE ADMIN). Demoting, suspending or deleting an ADMIN voids the invitations
// they sent, and those stay void if the ADMIN is later restored.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { createMailDir, waitForMail } from './fixtures/mail.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startSubgraph, type SubgraphUnderTest } from './helpers/services.ts';

const INVITE = `mutation ($email: String!, $role: UserRole) {
  inviteUser(email: $email, role: $role) { id }
}`;
const ACCEPT = `mutation ($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { user { id role } }
}`;
const SET_ROLE = `mutation ($id: ID!, $role: UserRole!) { setUserRole(id: $id, role: $role) { id } }`;
const SET_STATUS = `mutation ($id: ID!, $status: UserStatus!) {
  setUserStatus(id: $id, status: $status) { id }
}`;
const PASSWORD = 'a long invited passphrase';

let stack: SubgraphUnderTest;
let mailDir: string;
let actor: TestAccount;

async function makeAdmin(): Promise<TestAccount> {
  const account = await registerAccount(stack);
  await stack.db.auth.authUser.update({
    where: { id: account.id },
    data: { role: 'ADMIN', status: 'ACTIVE' },
  });
  return account;
}

beforeAll(async () => {
  mailDir = await createMailDir();
  stack = await startSubgraph('auth', {
    env: { MAIL_DIR: mailDir, APP_URL: 'https://app.example.test' },
  });
  actor = await makeAdmin();
});
afterAll(() => stack?.close());

/** A fresh ADMIN invites a fresh address with `role`; returns the inviter and mailed token. */
async function invitationFromNewAdmin(role = 'ADMIN') {
  const inviter = await makeAdmin();
  const email = `invitee-${randomUUID()}@example.com`;
  const res = await stack.gql(INVITE, { email, role }, { token: inviter.accessToken });
  expect(res.errors).toBeUndefined();
  const { token } = await waitForMail(mailDir, email, { subject: /invited/i });
  return { inviter, email, token };
}

const accept = (token: string) => stack.gql(ACCEPT, { input: { token, password: PASSWORD } });
const asActor = (query: string, variables: Record<string, unknown>) =>
  stack.gql(query, variables, { token: actor.accessToken });

describe('invitations and their inviter', () => {
  it('is accepted while the inviter is an active ADMIN', async () => {
    const { token } = await invitationFromNewAdmin('ADMIN');
    const res = await accept(token);
    expect(res.errors).toBeUndefined();
    expect(res.data).toMatchObject({ acceptInvitation: { user: { role: 'ADMIN' } } });
  });

  it('is void once its inviter is demoted, and stays void after re-promotion', async () => {
    const { inviter, email, token } = await invitationFromNewAdmin('ADMIN');
    expect((await asActor(SET_ROLE, { id: inviter.id, role: 'MODERATOR' })).errors).toBeUndefined();
    expect(errorCodes(await accept(token))).toEqual(['BAD_USER_INPUT']);
    expect((await asActor(SET_ROLE, { id: inviter.id, role: 'ADMIN' })).errors).toBeUndefined();
    expect(errorCodes(await accept(token))).toEqual(['BAD_USER_INPUT']);
    expect(await stack.db.auth.authUser.findUnique({ where: { email } })).toBeNull();
  });

  for (const status of ['SUSPENDED', 'DELETED'] as const) {
    it(`is void once its inviter is ${status}, and stays void after reactivation`, async () => {
      const { inviter, email, token } = await invitationFromNewAdmin('USER');
      expect((await asActor(SET_STATUS, { id: inviter.id, status })).errors).toBeUndefined();
      expect(errorCodes(await accept(token))).toEqual(['BAD_USER_INPUT']);
      const rows = await stack.db.auth.authInvitationToken.findMany({ where: { email } });
      expect(rows.map((r) => r.used)).toEqual([true]);
      await asActor(SET_STATUS, { id: inviter.id, status: 'ACTIVE' });
      expect(errorCodes(await accept(token))).toEqual(['BAD_USER_INPUT']);
    });
  }

  it('is refused when the inviter lost the role by any path (checked at acceptance)', async () => {
    const { inviter, email, token } = await invitationFromNewAdmin('USER');
    // A change that bypasses the admin mutations (a manual fix in the database).
    await stack.db.auth.authUser.update({ where: { id: inviter.id }, data: { role: 'USER' } });
    expect(errorCodes(await accept(token))).toEqual(['BAD_USER_INPUT']);
    // The refusal consumed nothing: restored, the same token works.
    await stack.db.auth.authUser.update({ where: { id: inviter.id }, data: { role: 'ADMIN' } });
    expect((await accept(token)).errors).toBeUndefined();
    expect(await stack.db.auth.authUser.findUnique({ where: { email } })).not.toBeNull();
  });

  it('keeps invitations of an ADMIN whose role or status did not change', async () => {
    const { inviter, token } = await invitationFromNewAdmin('USER');
    await asActor(SET_ROLE, { id: inviter.id, role: 'ADMIN' });
    await asActor(SET_STATUS, { id: inviter.id, status: 'ACTIVE' });
    expect((await accept(token)).errors).toBeUndefined();
  });
});
