// contract/auth.graphql, the account and session half: each operation validates against the
// gateway's API schema and, sent as written with its example variables' shape, behaves as its
// comment says.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOperations, gatewayApiSchema, validateOperation } from './helpers/contract.ts';
import { errorCodes, tokenOutcome } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const NAMES = [
  'Register',
  'Login',
  'RefreshSession',
  'Logout',
  'LogoutAll',
  'MySessions',
  'RevokeSession',
  'ChangePassword',
];
const operations = contractOperations('auth.graphql').filter((op) => NAMES.includes(op.name));
const documents = Object.fromEntries(operations.map((op) => [op.name, op.document]));

describe('contract/auth.graphql: accounts and sessions', () => {
  it('holds every operation of this half', () => {
    expect(operations.map((op) => op.name).sort()).toEqual([...NAMES].sort());
  });

  const schema = gatewayApiSchema();
  it.each(operations)('$name validates against the gateway', (operation) => {
    expect(validateOperation(schema, operation)).toEqual([]);
  });

  describe('through the gateway, as the frontends send them', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack();
    });
    afterAll(() => stack?.close());

    interface Payload {
      accessToken: string;
      refreshToken: string;
      accessTokenExpiresAt: string;
      user: { id: string; email: string; role: string; status: string };
    }
    const send = <T>(name: string, variables: Record<string, unknown> = {}, token?: string) =>
      stack.gql<T>(documents[name]!, variables, { token });

    it('runs the whole account lifecycle', async () => {
      const email = `ada-${randomUUID()}@example.com`;
      const password = 'correct horse battery staple';
      const registered = await send<{ register: Payload }>('Register', {
        input: { email, password, name: 'Ada Lovelace' },
      });
      expect(registered.errors).toBeUndefined();
      expect(registered.data?.register.user).toMatchObject({
        email,
        role: 'USER',
        status: 'PENDING_VERIFICATION',
      });
      const duplicate = await send('Register', { input: { email, password } });
      expect(errorCodes(duplicate)).toEqual(['CONFLICT']);
      const weak = await send('Register', {
        input: { email: `b-${randomUUID()}@example.com`, password: 'short' },
      });
      expect(errorCodes(weak)).toEqual(['BAD_USER_INPUT']);

      const loggedIn = await send<{ login: Payload }>('Login', { input: { email, password } });
      expect(loggedIn.errors).toBeUndefined();
      const wrong = await send('Login', { input: { email, password: 'not the right password' } });
      expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);

      const refreshed = await send<{ refreshSession: Omit<Payload, 'user'> }>('RefreshSession', {
        refreshToken: loggedIn.data!.login.refreshToken,
      });
      expect(refreshed.errors).toBeUndefined();
      const reused = await send('RefreshSession', {
        refreshToken: loggedIn.data!.login.refreshToken,
      });
      expect(errorCodes(reused)).toEqual(['UNAUTHENTICATED']);

      const token = registered.data!.register.accessToken;
      const sessions = await send<{
        me: { id: string; sessions: { id: string; current: boolean; deviceType: string }[] };
      }>('MySessions', {}, token);
      expect(sessions.errors).toBeUndefined();
      // The reused login session is gone; the registration session remains, marked current.
      expect(sessions.data?.me.sessions.map((s) => s.current)).toEqual([true]);

      const second = await send<{ login: Payload }>('Login', { input: { email, password } });
      const other = (
        await send<{ me: { sessions: { id: string; current: boolean }[] } }>(
          'MySessions',
          {},
          token,
        )
      ).data!.me.sessions.find((s) => !s.current)!;
      const revoked = await send<{ revokeSession: boolean }>(
        'RevokeSession',
        { id: other.id },
        token,
      );
      expect(revoked.data?.revokeSession).toBe(true);
      const unknown = await send('RevokeSession', { id: randomUUID() }, token);
      expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
      await expect
        .poll(
          async () => tokenOutcome(await send('MySessions', {}, second.data!.login.accessToken)),
          {
            timeout: 1_000,
          },
        )
        // The revoked token is ignored: MySessions runs anonymous (me: null).
        .toEqual(['TOKEN_IGNORED']);

      const changed = await send<{ changePassword: boolean }>(
        'ChangePassword',
        { currentPassword: password, newPassword: 'another long passphrase' },
        token,
      );
      expect(changed.data?.changePassword).toBe(true);
      const badCurrent = await send(
        'ChangePassword',
        { currentPassword: password, newPassword: 'yet another passphrase' },
        token,
      );
      expect(errorCodes(badCurrent)).toEqual(['BAD_USER_INPUT']);

      const third = await send<{ login: Payload }>('Login', {
        input: { email, password: 'another long passphrase' },
      });
      const logoutAll = await send<{ logoutAll: boolean }>(
        'LogoutAll',
        {},
        third.data!.login.accessToken,
      );
      expect(logoutAll.data?.logoutAll).toBe(true);
      await expect
        .poll(async () => tokenOutcome(await send('MySessions', {}, token)), { timeout: 1_000 })
        .toEqual(['TOKEN_IGNORED']);
      // Logout needs a caller: the ignored token leaves none.
      expect(tokenOutcome(await send('Logout', {}, token))).toEqual([
        'TOKEN_IGNORED',
        'UNAUTHENTICATED',
      ]);

      const fourth = await send<{ login: Payload }>('Login', {
        input: { email, password: 'another long passphrase' },
      });
      const logout = await send<{ logout: boolean }>('Logout', {}, fourth.data!.login.accessToken);
      expect(logout.data?.logout).toBe(true);
      expect(errorCodes(await send('Logout'))).toEqual(['UNAUTHENTICATED']);
    });
  });
});
