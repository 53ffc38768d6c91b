// The audit trail's writes: every administrative and security act leaves exactly one event in
// app_auth.auth_audit_log (action, actor, target, changed fields before/after, address, request
// id), written in the act's transaction; a refused or failed act leaves none.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AuditAction } from '../subgraphs/auth/src/generated/prisma/client.ts';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { accountWithRole } from './fixtures/admins.ts';
import { createMailDir, waitForMail } from './fixtures/mail.ts';
import { startOidcProvider, type TestOidcProvider } from './fixtures/oidc.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const SET_ROLE = `mutation ($id: ID!, $role: UserRole!) { setUserRole(id: $id, role: $role) { id } }`;
const SET_STATUS = `mutation ($id: ID!, $status: UserStatus!) {
  setUserStatus(id: $id, status: $status) { id }
}`;
const REVOKE_ALL = `mutation ($id: ID!) { revokeUserSessions(id: $id) }`;
const INVITE = `mutation ($email: String!, $role: UserRole) { inviteUser(email: $email, role: $role) { id } }`;
const ACCEPT = `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { id } } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`;
const REQUEST_RESET = `mutation ($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation ($token: String!, $p: String!) { resetPassword(token: $token, newPassword: $p) }`;
const OAUTH = `mutation ($input: OAuthSignInInput!) {
  signInWithOAuth(input: $input) { accessToken user { id } }
}`;
const MY_OAUTH = `query { me { oauthAccounts { id } } }`;
const UNLINK = `mutation ($id: ID!) { unlinkOAuthAccount(id: $id) }`;
const PASSWORD = 'a long enough passphrase';

let stack: Stack;
let mailDir: string;
let oidc: TestOidcProvider;
let admin: TestAccount;

beforeAll(async () => {
  mailDir = await createMailDir();
  oidc = await startOidcProvider();
  stack = await startStack({
    env: {
      MAIL_DIR: mailDir,
      OIDC_PROVIDERS: JSON.stringify({ OIDC: oidc.config }),
      LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: '3',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '4',
    },
  });
  admin = await accountWithRole(stack, 'ADMIN');
});
afterAll(async () => {
  await stack?.close();
  await oidc?.close();
});

/** As the admin, from a known address and with a known request id. */
const asAdmin = (
  query: string,
  variables: Record<string, unknown>,
  requestId: string = randomUUID(),
) =>
  stack.gql(query, variables, {
    token: admin.accessToken,
    headers: { 'x-forwarded-for': '203.0.113.7', 'x-request-id': requestId },
  });

const eventsOf = (targetId: string, action?: AuditAction) =>
  stack.db.auth.authAuditLog.findMany({
    where: { targetId, ...(action ? { action } : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });

/** Invitation events name the invited address in before/after (there is no account yet). */
async function invitationEvents(email: string) {
  const rows = await stack.db.auth.authAuditLog.findMany({
    where: { action: { in: ['INVITATION_SENT', 'INVITATION_VOIDED'] } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.filter((row) => JSON.stringify([row.before, row.after]).includes(email));
}

describe('role and status changes', () => {
  it('records ROLE_CHANGED with the actor, the old and new role, address and request id', async () => {
    const target = await registerAccount(stack);
    const requestId = `req-${randomUUID()}`;
    const res = await asAdmin(SET_ROLE, { id: target.id, role: 'MODERATOR' }, requestId);
    expect(res.errors).toBeUndefined();
    const events = await eventsOf(target.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'ROLE_CHANGED',
      actorId: admin.id,
      actorLabel: null,
      before: { role: 'USER' },
      after: { role: 'MODERATOR' },
      ipAddress: '203.0.113.7',
      requestId,
    });
  });

  it('records the request id the gateway echoes, assigning one when the client sends none or a bad one', async () => {
    for (const sent of [undefined, 'has spaces in it', 'x'.repeat(129)]) {
      const target = await registerAccount(stack);
      const res = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${admin.accessToken}`,
          ...(sent ? { 'x-request-id': sent } : {}),
        },
        body: JSON.stringify({ query: SET_ROLE, variables: { id: target.id, role: 'MODERATOR' } }),
      });
      expect(res.status).toBe(200);
      const echoed = res.headers.get('x-request-id');
      expect(echoed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const [event] = await eventsOf(target.id);
      expect(event?.requestId).toBe(echoed);
    }
  });

  it('records nothing for a refused change, a change to the same role, or a missing account', async () => {
    const target = await registerAccount(stack);
    const user = await accountWithRole(stack, 'USER');
    const refused = await stack.gql(
      SET_ROLE,
      { id: target.id, role: 'ADMIN' },
      { token: user.accessToken },
    );
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect((await asAdmin(SET_ROLE, { id: target.id, role: 'USER' })).errors).toBeUndefined();
    expect(errorCodes(await asAdmin(SET_ROLE, { id: randomUUID(), role: 'ADMIN' }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(await eventsOf(target.id)).toEqual([]);
  });

  it('records suspend, reactivate and delete as STATUS_CHANGED, one event each', async () => {
    const target = await accountWithRole(stack, 'USER');
    for (const status of ['SUSPENDED', 'ACTIVE', 'DELETED']) {
      expect((await asAdmin(SET_STATUS, { id: target.id, status })).errors).toBeUndefined();
    }
    const events = await eventsOf(target.id);
    expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
      ['STATUS_CHANGED', { status: 'ACTIVE' }, { status: 'SUSPENDED' }],
      ['STATUS_CHANGED', { status: 'SUSPENDED' }, { status: 'ACTIVE' }],
      ['STATUS_CHANGED', { status: 'ACTIVE' }, { status: 'DELETED' }],
    ]);
  });

  it('records a MODERATOR suspending a USER, and nothing for what a MODERATOR may not do', async () => {
    const moderator = await accountWithRole(stack, 'MODERATOR');
    const target = await accountWithRole(stack, 'USER');
    const as = (status: string) =>
      stack.gql(SET_STATUS, { id: target.id, status }, { token: moderator.accessToken });
    expect(errorCodes(await as('DELETED'))).toEqual(['FORBIDDEN']);
    expect((await as('SUSPENDED')).errors).toBeUndefined();
    const events = await eventsOf(target.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: moderator.id, after: { status: 'SUSPENDED' } });
  });

  it('writes the event in the act’s transaction: an act failing after it leaves none', async () => {
    const target = await accountWithRole(stack, 'USER');
    // Sabotage the last step of setUserRole (ending the target's sessions), as the owner.
    const owner = new pg.Client({ connectionString: inject('databaseUrls').owner });
    await owner.connect();
    const fn = `app_auth.fail_${randomUUID().replaceAll('-', '')}`;
    const trigger = `fail_${randomUUID().replaceAll('-', '')}`;
    try {
      await owner.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'sabotaged'; END $$`);
      await owner.query(`CREATE TRIGGER ${trigger} BEFORE INSERT ON app_auth.auth_token_blacklist
        FOR EACH ROW WHEN (NEW.user_id = '${target.id}') EXECUTE FUNCTION ${fn}()`);
      const res = await asAdmin(SET_ROLE, { id: target.id, role: 'MODERATOR' });
      expect(errorCodes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await owner.query(`DROP TRIGGER IF EXISTS ${trigger} ON app_auth.auth_token_blacklist`);
      await owner.query(`DROP FUNCTION IF EXISTS ${fn}()`);
      await owner.end();
    }
    expect(await eventsOf(target.id)).toEqual([]);
    const row = await stack.db.auth.authUser.findUniqueOrThrow({ where: { id: target.id } });
    expect(row.role).toBe('USER');
  });
});

describe('forced sign-out', () => {
  it('records SESSIONS_REVOKED with how many sessions ended, and nothing when none were open', async () => {
    const target = await accountWithRole(stack, 'USER');
    const res = await asAdmin(REVOKE_ALL, { id: target.id });
    expect(res.data).toEqual({ revokeUserSessions: 2 });
    expect((await asAdmin(REVOKE_ALL, { id: target.id })).data).toEqual({ revokeUserSessions: 0 });
    const user = await accountWithRole(stack, 'USER');
    expect(
      errorCodes(await stack.gql(REVOKE_ALL, { id: target.id }, { token: user.accessToken })),
    ).toEqual(['FORBIDDEN']);
    const events = await eventsOf(target.id);
    expect(events.map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
      ['SESSIONS_REVOKED', admin.id, { activeSessions: 2 }, { activeSessions: 0 }],
    ]);
  });
});

describe('invitations', () => {
  it('records sent, voided (superseded) and accepted, one event per act', async () => {
    const email = `invitee-${randomUUID()}@example.com`;
    const first = await asAdmin(INVITE, { email, role: 'MODERATOR' });
    expect(first.errors).toBeUndefined();
    // Mail goes out after the response: the first invitation's message is awaited before the
    // second is sent, or it could be written after the second's and pass for the newest (CI
    // once accepted the superseded token that way).
    const voided = await waitForMail(mailDir, email, { subject: /invit/i });
    expect((await asAdmin(INVITE, { email })).errors).toBeUndefined();
    const mail = await waitForMail(mailDir, email, { subject: /invit/i, count: 2 });
    expect(mail.token).not.toBe(voided.token);
    const sent = await invitationEvents(email);
    expect(sent.map((e) => e.action)).toEqual([
      'INVITATION_SENT',
      'INVITATION_VOIDED',
      'INVITATION_SENT',
    ]);
    expect(sent[0]).toMatchObject({
      actorId: admin.id,
      targetId: null,
      before: null,
      after: { email, role: 'MODERATOR' },
    });
    const firstId = (first.data as { inviteUser: { id: string } }).inviteUser.id;
    expect(sent[1]).toMatchObject({
      before: { invitationId: firstId, used: false },
      after: { invitationId: firstId, used: true, reason: 'superseded' },
    });

    const badToken = await stack.gql(ACCEPT, { input: { token: 'nope', password: PASSWORD } });
    expect(errorCodes(badToken)).toEqual(['BAD_USER_INPUT']);
    const accepted = await stack.gql<{ acceptInvitation: { user: { id: string } } }>(ACCEPT, {
      input: { token: mail.token, password: PASSWORD },
    });
    expect(accepted.errors).toBeUndefined();
    const userId = accepted.data!.acceptInvitation.user.id;
    const events = await eventsOf(userId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'INVITATION_ACCEPTED',
      actorId: userId,
      after: { used: true, role: 'USER', status: 'ACTIVE' },
    });
    expect(JSON.stringify(events[0])).not.toContain(mail.token);
  });

  it('records voiding when the inviter is demoted or suspended', async () => {
    for (const [mutation, variables, reason] of [
      [SET_ROLE, { role: 'USER' }, 'inviter_demoted'],
      [SET_STATUS, { status: 'SUSPENDED' }, 'inviter_suspended'],
    ] as const) {
      const inviter = await accountWithRole(stack, 'ADMIN');
      const email = `invitee-${randomUUID()}@example.com`;
      const sent = await stack.gql(INVITE, { email }, { token: inviter.accessToken });
      expect(sent.errors).toBeUndefined();
      expect((await asAdmin(mutation, { id: inviter.id, ...variables })).errors).toBeUndefined();
      const events = await invitationEvents(email);
      expect(events.map((e) => [e.action, e.actorId])).toEqual([
        ['INVITATION_SENT', inviter.id],
        ['INVITATION_VOIDED', admin.id],
      ]);
      expect(events[1]?.after).toMatchObject({ used: true, reason });
    }
  });

  it('records nothing for an invitation refused (existing account, non-admin)', async () => {
    const existing = await registerAccount(stack);
    expect(errorCodes(await asAdmin(INVITE, { email: existing.email }))).toEqual(['CONFLICT']);
    const user = await accountWithRole(stack, 'USER');
    const email = `refused-${randomUUID()}@example.com`;
    expect(errorCodes(await stack.gql(INVITE, { email }, { token: user.accessToken }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(await invitationEvents(existing.email)).toEqual([]);
    expect(await invitationEvents(email)).toEqual([]);
  });
});

describe('login throttle', () => {
  it('records ACCOUNT_LOCKED once per lock, by the system, with the address and scope', async () => {
    const account = await registerAccount(stack);
    const login = (password: string, ip: string) =>
      stack.gql(
        LOGIN,
        { input: { email: account.email, password } },
        { headers: { 'x-forwarded-for': ip } },
      );
    for (let i = 0; i < 2; i++) await login('not the right password', '198.51.100.77');
    expect(await eventsOf(account.id)).toEqual([]);
    // The third failure from one address locks that pair.
    await login('not the right password', '198.51.100.77');
    expect(errorCodes(await login(account.password, '198.51.100.77'))).toEqual(['RATE_LIMITED']);
    expect(errorCodes(await login('still wrong', '198.51.100.77'))).toEqual(['RATE_LIMITED']);
    // The fourth failure overall closes the account to addresses it never signed in from.
    await login('not the right password', '198.51.100.78');
    expect(errorCodes(await login('again wrong', '198.51.100.79'))).toEqual(['RATE_LIMITED']);
    const events = await eventsOf(account.id);
    expect(events.map((e) => [e.action, e.actorId, e.actorLabel, e.ipAddress, e.after])).toEqual([
      [
        'ACCOUNT_LOCKED',
        null,
        'system:login-throttle',
        '198.51.100.77',
        expect.objectContaining({ locked: true, scope: 'address' }),
      ],
      [
        'ACCOUNT_LOCKED',
        null,
        'system:login-throttle',
        '198.51.100.78',
        expect.objectContaining({ locked: true, scope: 'account' }),
      ],
    ]);
    expect(events[0]?.before).toEqual({ locked: false });
  });

  it('records no lock for failures of an unknown email', async () => {
    const email = `ghost-${randomUUID()}@example.com`;
    for (let i = 0; i < 4; i++) {
      await stack.gql(LOGIN, { input: { email, password: 'whatever it is' } });
    }
    const locks = await stack.db.auth.authAuditLog.count({
      where: { action: 'ACCOUNT_LOCKED', targetId: null },
    });
    expect(locks).toBe(0);
  });
});

describe('password reset', () => {
  it('records PASSWORD_RESET with the change time only, never a hash or token', async () => {
    const account = await registerAccount(stack);
    await stack.gql(REQUEST_RESET, { email: account.email });
    const mail = await waitForMail(mailDir, account.email, { subject: /reset/i });
    expect(errorCodes(await stack.gql(RESET, { token: 'wrong', p: PASSWORD }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await stack.gql(RESET, { token: mail.token, p: 'short' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(await eventsOf(account.id)).toEqual([]);
    expect((await stack.gql(RESET, { token: mail.token, p: PASSWORD })).errors).toBeUndefined();
    const events = await eventsOf(account.id);
    expect(events).toHaveLength(1);
    const user = await stack.db.auth.authUser.findUniqueOrThrow({ where: { id: account.id } });
    expect(events[0]).toMatchObject({
      action: 'PASSWORD_RESET',
      actorId: account.id,
      before: { passwordChangedAt: null },
      after: { passwordChangedAt: user.passwordChangedAt!.toISOString() },
    });
    const stored = JSON.stringify(events[0]);
    expect(stored).not.toContain(user.passwordHash!);
    expect(stored).not.toContain('argon2');
    expect(stored).not.toContain(mail.token);
  });
});

describe('OAuth accounts', () => {
  it('records linking (sign-up and to an existing account) and unlinking, once each', async () => {
    const sub = randomUUID();
    const email = `oauth-${randomUUID()}@example.com`;
    const signIn = async (claims: Record<string, unknown>) =>
      stack.gql<{ signInWithOAuth: { accessToken: string; user: { id: string } } }>(OAUTH, {
        input: { provider: 'OIDC', idToken: await oidc.idToken(claims) },
      });
    const signedUp = await signIn({ sub, email, email_verified: true });
    const userId = signedUp.data!.signInWithOAuth.user.id;
    await signIn({ sub, email, email_verified: true }); // already linked: no new event
    const linked = await eventsOf(userId, 'OAUTH_LINKED');
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({ actorId: userId, after: { provider: 'OIDC', subject: sub } });

    // A second identity linked to the existing, verified account, then unlinked.
    const other = randomUUID();
    const second = await signIn({ sub: other, email, email_verified: true });
    const token = second.data!.signInWithOAuth.accessToken;
    const accounts = await stack.gql<{ me: { oauthAccounts: { id: string }[] } }>(
      MY_OAUTH,
      {},
      { token },
    );
    const ids = accounts.data!.me.oauthAccounts.map((a) => a.id);
    expect(ids).toHaveLength(2);
    expect((await stack.gql(UNLINK, { id: ids[1] }, { token })).errors).toBeUndefined();
    // The last way in cannot be unlinked: refused, no event.
    expect(errorCodes(await stack.gql(UNLINK, { id: ids[0] }, { token }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const events = await eventsOf(userId);
    expect(events.map((e) => e.action)).toEqual(['OAUTH_LINKED', 'OAUTH_LINKED', 'OAUTH_UNLINKED']);
    expect(events[2]).toMatchObject({ actorId: userId, before: { oauthAccountId: ids[1] } });
  });
});
