// Account administration through the gateway: authUsers (ADMIN), setUserStatus (ADMIN, or
// MODERATOR for SUSPENDED/ACTIVE on USER accounts), setUserRole (ADMIN); both revoke sessions.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRole } from '../subgraphs/auth/src/generated/prisma/client.ts';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { createMailDir } from './fixtures/mail.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startSubgraph, type SubgraphUnderTest } from './helpers/services.ts';

const AUTH_USERS = `query ($first: Int, $after: String, $filter: AuthUserFilter) {
  authUsers(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id email name role status emailVerified lastLoginAt } }
  }
}`;
const SET_STATUS = `mutation ($id: ID!, $status: UserStatus!) {
  setUserStatus(id: $id, status: $status) { id status }
}`;
const SET_ROLE = `mutation ($id: ID!, $role: UserRole!) { setUserRole(id: $id, role: $role) { id role } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`;

let stack: SubgraphUnderTest;
let admin: TestAccount;
let moderator: TestAccount;

beforeAll(async () => {
  stack = await startSubgraph('auth', { env: { MAIL_DIR: await createMailDir() } });
  admin = await accountWithRole('ADMIN');
  moderator = await accountWithRole('MODERATOR');
});
afterAll(() => stack?.close());

/** A fresh ACTIVE account with `role`, signed in again so its token carries the role. */
async function accountWithRole(role: UserRole, name?: string): Promise<TestAccount> {
  const account = await registerAccount(stack, name ? { name } : {});
  await stack.db.auth.authUser.update({
    where: { id: account.id },
    data: { role, status: 'ACTIVE' },
  });
  const res = await stack.gql<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, {
    input: { email: account.email, password: account.password },
  });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return { ...account, ...res.data.login };
}

async function revokedSessions(userId: string, reason: string) {
  const sessions = await stack.db.auth.authSession.findMany({ where: { userId } });
  const blacklist = await stack.db.auth.authTokenBlacklist.findMany({
    where: { userId, tokenType: 'SESSION', reason },
  });
  return { sessions, blacklist };
}

describe('authUsers', () => {
  it('refuses signed-out callers, USERs and MODERATORs', async () => {
    const user = await registerAccount(stack);
    expect(errorCodes(await stack.gql(AUTH_USERS))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await stack.gql(AUTH_USERS, {}, { token: user.accessToken }))).toEqual([
      'FORBIDDEN',
    ]);
    const asModerator = await stack.gql(AUTH_USERS, {}, { token: moderator.accessToken });
    expect(errorCodes(asModerator)).toEqual(['FORBIDDEN']);
  });

  it('filters by search, role and status and pages with cursors', async () => {
    const tag = randomUUID().slice(0, 8);
    const created = [];
    for (let i = 0; i < 3; i++) created.push(await registerAccount(stack, { name: `Zed ${tag}` }));
    const mod = await accountWithRole('MODERATOR', `Zed ${tag}`);
    const asAdmin = { token: admin.accessToken };

    const page1 = await stack.gql<{
      authUsers: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { id: string; role: string; status: string } }[];
      };
    }>(AUTH_USERS, { first: 2, filter: { search: tag.toUpperCase(), role: 'USER' } }, asAdmin);
    expect(page1.errors).toBeUndefined();
    expect(page1.data?.authUsers.totalCount).toBe(3);
    expect(page1.data?.authUsers.pageInfo.hasNextPage).toBe(true);
    const ids = page1.data?.authUsers.edges.map((e) => e.node.id) ?? [];
    const page2 = await stack.gql<typeof page1.data>(
      AUTH_USERS,
      {
        first: 2,
        after: page1.data?.authUsers.pageInfo.endCursor,
        filter: { search: tag, role: 'USER' },
      },
      asAdmin,
    );
    const rest = page2.data?.authUsers.edges.map((e) => e.node.id) ?? [];
    expect(rest).toHaveLength(1);
    expect(page2.data?.authUsers.pageInfo.hasNextPage).toBe(false);
    expect([...ids, ...rest].sort()).toEqual(created.map((a) => a.id).sort());

    const mods = await stack.gql<typeof page1.data>(
      AUTH_USERS,
      { filter: { search: tag, role: 'MODERATOR', status: 'ACTIVE' } },
      asAdmin,
    );
    expect(mods.data?.authUsers.edges.map((e) => e.node.id)).toEqual([mod.id]);
    const pending = await stack.gql<typeof page1.data>(
      AUTH_USERS,
      { filter: { search: tag, status: 'PENDING_VERIFICATION' } },
      asAdmin,
    );
    expect(pending.data?.authUsers.totalCount).toBe(3);
  });

  it('refuses first above 100 and malformed cursors with BAD_USER_INPUT', async () => {
    const asAdmin = { token: admin.accessToken };
    expect(errorCodes(await stack.gql(AUTH_USERS, { first: 101 }, asAdmin))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await stack.gql(AUTH_USERS, { after: 'nonsense' }, asAdmin))).toEqual([
      'BAD_USER_INPUT',
    ]);
    // Well-formed, but not a cursor we wrote: its id is no UUID (it must not reach SQL).
    const forged = Buffer.from(JSON.stringify([new Date().toISOString(), 'x'])).toString(
      'base64url',
    );
    expect(errorCodes(await stack.gql(AUTH_USERS, { after: forged }, asAdmin))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe('setUserStatus', () => {
  it('suspends a user: sessions revoked, sign-in refused; reactivation lets it back in', async () => {
    const user = await accountWithRole('USER');
    const res = await stack.gql(
      SET_STATUS,
      { id: user.id, status: 'SUSPENDED' },
      { token: admin.accessToken },
    );
    expect(res.data).toEqual({ setUserStatus: { id: user.id, status: 'SUSPENDED' } });
    const { sessions, blacklist } = await revokedSessions(user.id, 'account_suspended');
    expect(sessions.length).toBe(2);
    expect(sessions.every((s) => s.revokedAt && s.revokedReason === 'account_suspended')).toBe(
      true,
    );
    expect(blacklist.map((b) => b.revokedSessionId).sort()).toEqual(
      sessions.map((s) => s.id).sort(),
    );
    const login = { input: { email: user.email, password: user.password } };
    // The right password proves the caller: told the account is suspended.
    const suspended = await stack.gql(LOGIN, login);
    expect(suspended.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([
      ['FORBIDDEN', 'ACCOUNT_SUSPENDED'],
    ]);
    expect(errorCodes(await stack.gql(REFRESH, { t: user.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);

    const back = await stack.gql(
      SET_STATUS,
      { id: user.id, status: 'ACTIVE' },
      { token: admin.accessToken },
    );
    expect(back.data).toEqual({ setUserStatus: { id: user.id, status: 'ACTIVE' } });
    expect((await stack.gql(LOGIN, login)).errors).toBeUndefined();
  });

  it('lets a MODERATOR suspend and reactivate USER accounts only', async () => {
    const user = await registerAccount(stack);
    const asModerator = { token: moderator.accessToken };
    const suspend = { id: user.id, status: 'SUSPENDED' };
    expect((await stack.gql(SET_STATUS, suspend, asModerator)).data).toEqual({
      setUserStatus: suspend,
    });
    const reactivate = { id: user.id, status: 'ACTIVE' };
    expect((await stack.gql(SET_STATUS, reactivate, asModerator)).data).toEqual({
      setUserStatus: reactivate,
    });
    const deleted = await stack.gql(SET_STATUS, { id: user.id, status: 'DELETED' }, asModerator);
    expect(errorCodes(deleted)).toEqual(['FORBIDDEN']);
    // A deleted account stays deleted for moderators.
    await stack.gql(SET_STATUS, { id: user.id, status: 'DELETED' }, { token: admin.accessToken });
    expect(errorCodes(await stack.gql(SET_STATUS, reactivate, asModerator))).toEqual(['FORBIDDEN']);
    const other = await accountWithRole('MODERATOR');
    const onModerator = await stack.gql(
      SET_STATUS,
      { id: other.id, status: 'SUSPENDED' },
      asModerator,
    );
    expect(errorCodes(onModerator)).toEqual(['FORBIDDEN']);
    const onAdmin = await stack.gql(SET_STATUS, { id: admin.id, status: 'SUSPENDED' }, asModerator);
    expect(errorCodes(onAdmin)).toEqual(['FORBIDDEN']);
  });

  it('refuses USERs, unknown ids and a deleted account signing in', async () => {
    const user = await registerAccount(stack);
    const asUser = await stack.gql(
      SET_STATUS,
      { id: user.id, status: 'ACTIVE' },
      { token: user.accessToken },
    );
    expect(errorCodes(asUser)).toEqual(['FORBIDDEN']);
    const asAdmin = { token: admin.accessToken };
    for (const id of [randomUUID(), 'not-a-uuid']) {
      expect(errorCodes(await stack.gql(SET_STATUS, { id, status: 'ACTIVE' }, asAdmin))).toEqual([
        'NOT_FOUND',
      ]);
    }
    await stack.gql(SET_STATUS, { id: user.id, status: 'DELETED' }, asAdmin);
    const login = await stack.gql(LOGIN, { input: { email: user.email, password: user.password } });
    expect(errorCodes(login)).toEqual(['UNAUTHENTICATED']);
    expect((await revokedSessions(user.id, 'account_deleted')).blacklist).toHaveLength(1);
  });

  it('stops a suspended ADMIN from administering with its old token', async () => {
    const other = await accountWithRole('ADMIN');
    await stack.db.auth.authUser.update({ where: { id: other.id }, data: { status: 'SUSPENDED' } });
    expect(errorCodes(await stack.gql(AUTH_USERS, {}, { token: other.accessToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });
});

describe('setUserRole', () => {
  it('changes the role and revokes the sessions; the same role changes nothing', async () => {
    const user = await accountWithRole('USER');
    const asAdmin = { token: admin.accessToken };
    const same = await stack.gql(SET_ROLE, { id: user.id, role: 'USER' }, asAdmin);
    expect(same.data).toEqual({ setUserRole: { id: user.id, role: 'USER' } });
    expect((await revokedSessions(user.id, 'role_changed')).blacklist).toHaveLength(0);

    const res = await stack.gql(SET_ROLE, { id: user.id, role: 'MODERATOR' }, asAdmin);
    expect(res.data).toEqual({ setUserRole: { id: user.id, role: 'MODERATOR' } });
    const { sessions, blacklist } = await revokedSessions(user.id, 'role_changed');
    expect(sessions.every((s) => s.revokedReason === 'role_changed')).toBe(true);
    expect(blacklist).toHaveLength(sessions.length);
    expect(errorCodes(await stack.gql(REFRESH, { t: user.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('is ADMIN only', async () => {
    const user = await registerAccount(stack);
    const asModerator = await stack.gql(
      SET_ROLE,
      { id: user.id, role: 'MODERATOR' },
      { token: moderator.accessToken },
    );
    expect(errorCodes(asModerator)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await stack.gql(SET_ROLE, { id: user.id, role: 'ADMIN' }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const unknown = await stack.gql(
      SET_ROLE,
      { id: randomUUID(), role: 'USER' },
      { token: admin.accessToken },
    );
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
  });
});
