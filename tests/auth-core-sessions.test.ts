// Sessions through the gateway: refresh rotation and reuse detection, absolute expiry, logout,
// logoutAll, me.sessions and revokeSession.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { errorCodes, tokenOutcome } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const REFRESH = /* GraphQL */ `
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      accessToken
      refreshToken
      accessTokenExpiresAt
    }
  }
`;
const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
    }
  }
`;
const SESSIONS = /* GraphQL */ `
  query MySessions {
    me {
      id
      sessions {
        id
        deviceType
        ipAddress
        userAgent
        createdAt
        lastUsedAt
        expiresAt
        current
      }
    }
  }
`;
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const DESKTOP =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

interface Pair {
  accessToken: string;
  refreshToken: string;
}
interface SessionView {
  id: string;
  deviceType: string;
  ipAddress: string | null;
  userAgent: string | null;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  current: boolean;
}

describe('sessions', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  const refresh = (refreshToken: string) =>
    stack.gql<{ refreshSession: Pair & { accessTokenExpiresAt: string } }>(REFRESH, {
      refreshToken,
    });
  const login = async (account: TestAccount, headers: Record<string, string> = {}) => {
    const res = await stack.gql<{ login: Pair }>(
      LOGIN,
      { input: { email: account.email, password: account.password } },
      { headers },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.login;
  };
  const sessions = async (token: string) => {
    const res = await stack.gql<{ me: { sessions: SessionView[] } }>(SESSIONS, {}, { token });
    expect(res.errors).toBeUndefined();
    return res.data!.me.sessions;
  };
  const meCodes = async (token: string) =>
    tokenOutcome(await stack.gql('{ me { id } }', {}, { token }));
  /**
   * The token stops working within one second (revocations reach every verifier by
   * notification): the gateway ignores it, running the request anonymous.
   */
  const expectRefused = (token: string) =>
    expect.poll(() => meCodes(token), { timeout: 1_000, interval: 50 }).toEqual(['TOKEN_IGNORED']);

  describe('refreshSession', () => {
    it('rotates: the new pair works, the old refresh token stops working', async () => {
      const account = await registerAccount(stack);
      const res = await refresh(account.refreshToken);
      expect(res.errors).toBeUndefined();
      const next = res.data!.refreshSession;
      expect(next.refreshToken).not.toBe(account.refreshToken);
      expect(await meCodes(next.accessToken)).toEqual([]);
      const row = await stack.db.auth.authSession.findFirstOrThrow({
        where: { userId: account.id },
      });
      expect(row.rotationCounter).toBe(1);
      expect((await refresh(next.refreshToken)).errors).toBeUndefined();
    });

    it('revokes the whole session when a rotated-away token is presented again', async () => {
      const account = await registerAccount(stack);
      const next = (await refresh(account.refreshToken)).data!.refreshSession;
      const reuse = await refresh(account.refreshToken);
      expect(errorCodes(reuse)).toEqual(['UNAUTHENTICATED']);
      // The legitimate holder's newest tokens die with the session.
      expect(errorCodes(await refresh(next.refreshToken))).toEqual(['UNAUTHENTICATED']);
      await expectRefused(next.accessToken);
      await expectRefused(account.accessToken);
      const row = await stack.db.auth.authSession.findFirstOrThrow({
        where: { userId: account.id },
      });
      expect(row.revokedReason).toBe('refresh_token_reuse');
    });

    it('lets only one of two concurrent refreshes of the same token win', async () => {
      const account = await registerAccount(stack);
      const results = await Promise.all([
        refresh(account.refreshToken),
        refresh(account.refreshToken),
      ]);
      const winners = results.filter((r) => !r.errors);
      expect(winners).toHaveLength(1);
      expect(results.flatMap(errorCodes)).toEqual(['UNAUTHENTICATED']);
    });

    it('expires sessions absolutely after 30 days; rotation does not extend them', async () => {
      const account = await registerAccount(stack);
      const row = await stack.db.auth.authSession.findFirstOrThrow({
        where: { userId: account.id },
      });
      const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
      expect(days).toBeCloseTo(30, 3);
      const next = (await refresh(account.refreshToken)).data!.refreshSession;
      const after = await stack.db.auth.authSession.findUniqueOrThrow({ where: { id: row.id } });
      expect(after.expiresAt).toEqual(row.expiresAt);
      await stack.db.auth.authSession.update({
        where: { id: row.id },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      expect(errorCodes(await refresh(next.refreshToken))).toEqual(['UNAUTHENTICATED']);
    });

    it('refuses unknown tokens and accounts that may no longer sign in', async () => {
      expect(errorCodes(await refresh('not-a-real-token'))).toEqual(['UNAUTHENTICATED']);
      const account = await registerAccount(stack);
      await stack.db.auth.authUser.update({
        where: { id: account.id },
        data: { status: 'SUSPENDED' },
      });
      expect(errorCodes(await refresh(account.refreshToken))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('logout and logoutAll', () => {
    it('logout revokes the current session only', async () => {
      const account = await registerAccount(stack);
      const other = await login(account);
      const res = await stack.gql<{ logout: boolean }>(
        'mutation Logout { logout }',
        {},
        { token: account.accessToken },
      );
      expect(res.data?.logout).toBe(true);
      await expectRefused(account.accessToken);
      expect(errorCodes(await refresh(account.refreshToken))).toEqual(['UNAUTHENTICATED']);
      expect(await meCodes(other.accessToken)).toEqual([]);
      expect((await refresh(other.refreshToken)).errors).toBeUndefined();
      const blacklisted = await stack.db.auth.authTokenBlacklist.findMany({
        where: { userId: account.id },
      });
      expect(blacklisted).toHaveLength(1);
      expect(blacklisted[0]).toMatchObject({ tokenType: 'SESSION', reason: 'logout' });
      // Kept until the session's access tokens would have expired, not longer than needed.
      const keptFor = blacklisted[0]!.expiresAt.getTime() - Date.now();
      expect(keptFor).toBeGreaterThan(15 * 60_000);
      expect(keptFor).toBeLessThan(17 * 60_000);
    });

    it('logoutAll revokes every session of the viewer', async () => {
      const account = await registerAccount(stack);
      const second = await login(account);
      const bystander = await registerAccount(stack);
      const res = await stack.gql<{ logoutAll: boolean }>(
        'mutation LogoutAll { logoutAll }',
        {},
        { token: second.accessToken },
      );
      expect(res.data?.logoutAll).toBe(true);
      await expectRefused(account.accessToken);
      await expectRefused(second.accessToken);
      expect(errorCodes(await refresh(account.refreshToken))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await refresh(second.refreshToken))).toEqual(['UNAUTHENTICATED']);
      expect(await meCodes(bystander.accessToken)).toEqual([]);
    });

    it.each(['mutation { logout }', 'mutation { logoutAll }'])(
      '%s needs a signed-in caller',
      async (query) => {
        expect(errorCodes(await stack.gql(query))).toEqual(['UNAUTHENTICATED']);
      },
    );
  });

  describe('me.sessions and revokeSession', () => {
    it('lists active sessions newest first, with device type, address and the current one', async () => {
      const account = await registerAccount(stack);
      const phone = await login(account, {
        'user-agent': IPHONE,
        'x-forwarded-for': '203.0.113.9',
      });
      await login(account, { 'user-agent': DESKTOP });
      const list = await sessions(phone.accessToken);
      expect(list).toHaveLength(3);
      expect(list.map((s) => s.deviceType)).toEqual(['desktop', 'mobile', 'other']);
      expect(list.map((s) => s.current)).toEqual([false, true, false]);
      expect(list[1]).toMatchObject({ ipAddress: '203.0.113.9', userAgent: IPHONE });
      for (const session of list) {
        const days = (Date.parse(session.expiresAt) - Date.parse(session.createdAt)) / 86_400_000;
        expect(days).toBeCloseTo(30, 3);
      }
    });

    it('revokes one of the viewer sessions, which disappears from the list', async () => {
      const account = await registerAccount(stack);
      const other = await login(account);
      const before = await sessions(account.accessToken);
      const target = before.find((s) => !s.current)!;
      const res = await stack.gql<{ revokeSession: boolean }>(
        'mutation RevokeSession($id: ID!) { revokeSession(id: $id) }',
        { id: target.id },
        { token: account.accessToken },
      );
      expect(res.data?.revokeSession).toBe(true);
      await expectRefused(other.accessToken);
      const after = await sessions(account.accessToken);
      expect(after.map((s) => s.id)).toEqual(before.filter((s) => s.current).map((s) => s.id));
    });

    it("answers NOT_FOUND for another account's session, unknown ids and malformed ids", async () => {
      const owner = await registerAccount(stack);
      const intruder = await registerAccount(stack);
      const [ownerSession] = await sessions(owner.accessToken);
      for (const id of [ownerSession!.id, randomUUID(), 'not-a-uuid']) {
        const res = await stack.gql(
          'mutation RevokeSession($id: ID!) { revokeSession(id: $id) }',
          { id },
          { token: intruder.accessToken },
        );
        expect(errorCodes(res)).toEqual(['NOT_FOUND']);
      }
      expect(await meCodes(owner.accessToken)).toEqual([]);
      const anonymous = await stack.gql(
        'mutation RevokeSession($id: ID!) { revokeSession(id: $id) }',
        { id: ownerSession!.id },
      );
      expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    });

    it("refuses to show another account's sessions (FORBIDDEN), even through _entities", async () => {
      const owner = await registerAccount(stack);
      const intruder = await registerAccount(stack);
      const auth = stack.subgraph('auth');
      const res = await auth.gql(
        `query ($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on AuthUser { sessions { id } } }
        }`,
        { representations: [{ __typename: 'AuthUser', id: owner.id }] },
        { token: intruder.accessToken },
      );
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    });
  });
});
