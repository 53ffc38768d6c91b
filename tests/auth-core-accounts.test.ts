// Register, login and changePassword through the real gateway: success and failure paths.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount } from './fixtures/accounts.ts';
import { errorCodes, tokenOutcome } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      accessToken
      refreshToken
      accessTokenExpiresAt
      user {
        id
        email
        name
        role
        status
        emailVerified
        createdAt
      }
    }
  }
`;
const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
      user {
        id
        email
        role
        status
      }
    }
  }
`;
const CHANGE_PASSWORD = /* GraphQL */ `
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`;

const uniqueEmail = () => `acc-${randomUUID()}@example.com`;

describe('accounts', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  const register = (input: Record<string, unknown>) =>
    stack.gql<{
      register: {
        accessToken: string;
        refreshToken: string;
        accessTokenExpiresAt: string;
        user: Record<string, unknown>;
      };
    }>(REGISTER, { input });
  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    stack.gql<{ login: { accessToken: string; user: { id: string } } }>(
      LOGIN,
      { input: { email, password } },
      { headers },
    );

  it('registers a USER pending verification, stores the email lower-cased and an Argon2id hash', async () => {
    const email = uniqueEmail();
    const res = await register({
      email: `  ${email.toUpperCase()} `,
      password: 'correct horse battery staple',
      name: ' Ada Lovelace ',
    });
    expect(res.errors).toBeUndefined();
    const payload = res.data!.register;
    expect(payload.user).toMatchObject({
      email,
      name: 'Ada Lovelace',
      role: 'USER',
      status: 'PENDING_VERIFICATION',
      emailVerified: false,
    });
    const expiresIn = Date.parse(payload.accessTokenExpiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(14 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(15 * 60_000);
    expect(payload.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await stack.db.auth.authUser.findUniqueOrThrow({ where: { email } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const session = await stack.db.auth.authSession.findFirstOrThrow({
      where: { userId: row.id },
    });
    // Only the refresh token's hash is stored.
    expect(session.refreshTokenHash).not.toContain(payload.refreshToken);
    expect(session.refreshTokenHash).toMatch(/^[0-9a-f]{64}$/);
    const me = await stack.gql<{ me: { id: string } }>(
      '{ me { id } }',
      {},
      { token: payload.accessToken },
    );
    expect(me.data?.me.id).toBe(row.id);
  });

  it('refuses a duplicate email, whatever its case, with CONFLICT', async () => {
    const account = await registerAccount(stack);
    const res = await register({
      email: account.email.toUpperCase(),
      password: 'another long passphrase',
    });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
  });

  it.each([
    ['a malformed email', { email: 'not-an-email', password: 'correct horse battery staple' }],
    ['an empty email', { email: '', password: 'correct horse battery staple' }],
    ['a password under 12 characters', { email: uniqueEmail(), password: 'short pass' }],
    ['a password over 128 characters', { email: uniqueEmail(), password: 'x'.repeat(129) }],
    ['a common password', { email: uniqueEmail(), password: 'qwertyuiopasdfgh' }],
    ['a common password in other case', { email: uniqueEmail(), password: 'Password1234' }],
    [
      'a name over 200 characters',
      { email: uniqueEmail(), password: 'long enough pass', name: 'n'.repeat(201) },
    ],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_label, input) => {
    const res = await register(input);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    if (input.email) {
      const stored = await stack.db.auth.authUser.count({ where: { email: input.email } });
      expect(stored).toBe(0);
    }
  });

  it('accepts 12 characters exactly and counts characters, not bytes', async () => {
    const res = await register({ email: uniqueEmail(), password: 'ñandú-ñandú!' });
    expect(res.errors).toBeUndefined();
  });

  it('signs in with the right password, any email case, and records lastLoginAt', async () => {
    const account = await registerAccount(stack);
    const res = await login(account.email.toUpperCase(), account.password);
    expect(res.errors).toBeUndefined();
    expect(res.data?.login.user.id).toBe(account.id);
    const row = await stack.db.auth.authUser.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.lastLoginAt).not.toBeNull();
  });

  it('answers unknown email and wrong password identically', async () => {
    const account = await registerAccount(stack);
    const wrong = await login(account.email, 'not the right password');
    const unknown = await login(uniqueEmail(), 'not the right password');
    expect(wrong.status).toBe(unknown.status);
    expect(wrong.errors).toEqual(unknown.errors);
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.data).toEqual(unknown.data);
  });

  it('spends about the same time on an unknown email as on a wrong password (dummy hash)', async () => {
    const account = await registerAccount(stack);
    const time = async (email: string) => {
      const started = performance.now();
      await login(email, 'not the right password', {
        'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250)}`,
      });
      return performance.now() - started;
    };
    const median = (values: number[]) =>
      values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const wrong: number[] = [];
    const unknown: number[] = [];
    // Stays under the account lock (5 failures) so every attempt reaches the hash.
    for (let i = 0; i < 4; i++) {
      wrong.push(await time(account.email));
      unknown.push(await time(uniqueEmail()));
    }
    // Without the dummy hash an unknown email answers an order of magnitude faster.
    expect(median(unknown) / median(wrong)).toBeGreaterThan(0.5);
    expect(median(unknown) / median(wrong)).toBeLessThan(2);
  });

  it('refuses a DELETED account with the same UNAUTHENTICATED, even with the right password', async () => {
    const account = await registerAccount(stack);
    await stack.db.auth.authUser.update({ where: { id: account.id }, data: { status: 'DELETED' } });
    const res = await login(account.email, account.password);
    const unknown = await login(uniqueEmail(), account.password);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.errors).toEqual(unknown.errors);
  });

  it('tells a SUSPENDED account so only once the password is proven', async () => {
    const account = await registerAccount(stack);
    await stack.db.auth.authUser.update({
      where: { id: account.id },
      data: { status: 'SUSPENDED' },
    });
    const wrong = await login(account.email, 'not the right password');
    const unknown = await login(uniqueEmail(), 'not the right password');
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.errors).toEqual(unknown.errors);
    const right = await login(account.email, account.password);
    expect(right.data ?? null).toBeNull();
    expect(right.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([
      ['FORBIDDEN', 'ACCOUNT_SUSPENDED'],
    ]);
    const attempts = await stack.db.auth.authLoginAttempt.findMany({
      where: { email: account.email },
      orderBy: { createdAt: 'asc' },
    });
    expect(attempts.map((a) => [a.success, a.failureReason])).toEqual([
      [false, 'wrong_password'],
      [false, 'account_suspended'],
    ]);
  });

  describe('changePassword', () => {
    it('changes the password, keeps this session and revokes the others', async () => {
      const account = await registerAccount(stack);
      const other = await login(account.email, account.password);
      const otherToken = other.data!.login.accessToken;
      const res = await stack.gql<{ changePassword: boolean }>(
        CHANGE_PASSWORD,
        { currentPassword: account.password, newPassword: 'a brand new passphrase' },
        { token: account.accessToken },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.changePassword).toBe(true);
      expect(errorCodes(await login(account.email, account.password))).toEqual(['UNAUTHENTICATED']);
      expect((await login(account.email, 'a brand new passphrase')).errors).toBeUndefined();
      const still = await stack.gql('{ me { id } }', {}, { token: account.accessToken });
      expect(still.errors).toBeUndefined();
      await expect
        .poll(
          async () => tokenOutcome(await stack.gql('{ me { id } }', {}, { token: otherToken })),
          {
            timeout: 1_000,
            interval: 50,
          },
        )
        .toEqual(['TOKEN_IGNORED']);
      const row = await stack.db.auth.authUser.findUniqueOrThrow({ where: { id: account.id } });
      expect(row.passwordChangedAt).not.toBeNull();
    });

    it('refuses a wrong current password and a weak new one with BAD_USER_INPUT', async () => {
      const account = await registerAccount(stack);
      const wrong = await stack.gql(
        CHANGE_PASSWORD,
        { currentPassword: 'not the right password', newPassword: 'a brand new passphrase' },
        { token: account.accessToken },
      );
      expect(errorCodes(wrong)).toEqual(['BAD_USER_INPUT']);
      expect(wrong.errors?.[0]?.extensions?.field).toBe('currentPassword');
      const weak = await stack.gql(
        CHANGE_PASSWORD,
        { currentPassword: account.password, newPassword: 'too short' },
        { token: account.accessToken },
      );
      expect(errorCodes(weak)).toEqual(['BAD_USER_INPUT']);
      expect(weak.errors?.[0]?.extensions?.field).toBe('newPassword');
      expect((await login(account.email, account.password)).errors).toBeUndefined();
    });

    it('requires a signed-in caller', async () => {
      const res = await stack.gql(CHANGE_PASSWORD, {
        currentPassword: 'whatever it is now',
        newPassword: 'a brand new passphrase',
      });
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    });
  });
});
