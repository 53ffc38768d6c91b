// Login throttling: every attempt recorded; 5 failures in 15 minutes lock the pair (account,
// client address) for 15 minutes (the right password included) but not the account elsewhere;
// a higher per-account limit across addresses (configurable) refuses addresses that never
// signed in to the account; failures per IP are limited (configurable); state in PostgreSQL;
// aliased fields and concurrent requests counted one by one.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { createLogger } from '@grahvani/shared';
import { loadConfig as loadAuthConfig } from '../subgraphs/auth/src/config.ts';
import { createDb as createAuthDb } from '../subgraphs/auth/src/db.ts';
import { createServer as createAuthServer } from '../subgraphs/auth/src/server.ts';
import { createGraphQLClient, errorCodes } from './helpers/graphql.ts';
import { startSubgraph, type SubgraphUnderTest } from './helpers/services.ts';

const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
    }
  }
`;
const IP_LIMIT = 9;
const ACCOUNT_LIMIT = 12;
const WRONG = 'not the right password';

let ipCounter = 0;
/** A fresh documentation-range address per test, so the per-IP limit stays out of the way. */
const freshIp = () => `198.51.100.${++ipCounter}`;

describe('login throttling', () => {
  let stack: SubgraphUnderTest;
  beforeAll(async () => {
    stack = await startSubgraph('auth', {
      env: {
        LOGIN_MAX_FAILURES_PER_IP: String(IP_LIMIT),
        LOGIN_MAX_FAILURES_PER_ACCOUNT: String(ACCOUNT_LIMIT),
      },
    });
  });
  afterAll(() => stack?.close());

  const login = (email: string, password: string, ip: string, userAgent = 'throttle-test') =>
    stack.gql<{ login: { accessToken: string } }>(
      LOGIN,
      { input: { email, password } },
      { headers: { 'x-forwarded-for': ip, 'user-agent': userAgent } },
    );
  const attempts = (email: string) =>
    stack.db.auth.authLoginAttempt.findMany({
      where: { email },
      orderBy: { createdAt: 'asc' },
    });
  /** Moves an email's attempts into the past, as if `minutes` had gone by. */
  const age = (email: string, minutes: number) =>
    stack.db.auth
      .$executeRaw`UPDATE app_auth.auth_login_attempts SET created_at = created_at - make_interval(mins => ${minutes}) WHERE email = ${email}`;
  const fail = async (account: TestAccount, times: number, ip = freshIp()) => {
    for (let i = 0; i < times; i++) {
      expect(errorCodes(await login(account.email, WRONG, ip))).toEqual(['UNAUTHENTICATED']);
    }
  };

  it('records every attempt with email, IP, user agent, outcome and reason', async () => {
    const account = await registerAccount(stack);
    const ip = freshIp();
    await login(account.email.toUpperCase(), WRONG, ip, 'Mozilla/5.0 (X11; Linux x86_64)');
    await login(account.email, account.password, ip, 'Mozilla/5.0 (X11; Linux x86_64)');
    const unknown = `nobody-${randomUUID()}@example.com`;
    await login(unknown, WRONG, ip);
    const rows = [...(await attempts(account.email)), ...(await attempts(unknown))];
    expect(rows.map((r) => [r.email, r.ipAddress, r.success, r.failureReason])).toEqual([
      [account.email, ip, false, 'wrong_password'],
      [account.email, ip, true, null],
      [unknown, ip, false, 'unknown_email'],
    ]);
    expect(rows[0]!.userAgent).toBe('Mozilla/5.0 (X11; Linux x86_64)');
    expect(rows[0]!.userId).toBe(account.id);
    expect(rows[2]!.userId).toBeNull();
  });

  it('locks the pair (account, address) after 5 failures for 15 minutes, the right password included', async () => {
    const account = await registerAccount(stack);
    const ip = freshIp();
    await fail(account, 5, ip);
    const locked = await login(account.email, account.password, ip);
    expect(errorCodes(locked)).toEqual(['RATE_LIMITED']);
    const retryAfter = locked.errors?.[0]?.extensions?.retryAfter as number;
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect((await attempts(account.email)).at(-1)?.failureReason).toBe(
      'rate_limited_account_address',
    );
    // Still locked 14 minutes later (attempts refused by the lock do not extend it)...
    await age(account.email, 14);
    expect(errorCodes(await login(account.email, account.password, ip))).toEqual(['RATE_LIMITED']);
    // ...and open again once 15 minutes have passed since the fifth failure.
    await age(account.email, 2);
    expect((await login(account.email, account.password, ip)).errors).toBeUndefined();
  });

  it('cannot lock the owner out from their own address with five wrong passwords', async () => {
    const owner = await registerAccount(stack);
    const ownerIp = freshIp();
    const attackerIp = freshIp();
    await fail(owner, 5, attackerIp);
    for (let i = 0; i < 3; i++) {
      expect(errorCodes(await login(owner.email, WRONG, attackerIp))).toEqual(['RATE_LIMITED']);
    }
    // The owner, from an address of their own (never used before), is not affected...
    expect((await login(owner.email, owner.password, ownerIp)).errors).toBeUndefined();
    // ...nor from a second new address, while the attacker's stays locked.
    expect((await login(owner.email, owner.password, freshIp())).errors).toBeUndefined();
    expect(errorCodes(await login(owner.email, owner.password, attackerIp))).toEqual([
      'RATE_LIMITED',
    ]);
  });

  it(`slows a distributed attack: past ${ACCOUNT_LIMIT} failures across addresses only known addresses get in`, async () => {
    const owner = await registerAccount(stack);
    const home = freshIp();
    expect((await login(owner.email, owner.password, home)).errors).toBeUndefined();
    // Four guesses from each of three addresses: no pair is locked, the account limit is hit.
    for (let i = 0; i < ACCOUNT_LIMIT / 4; i++) await fail(owner, 4, freshIp());
    const stranger = await login(owner.email, owner.password, freshIp());
    expect(errorCodes(stranger)).toEqual(['RATE_LIMITED']);
    const retryAfter = stranger.errors?.[0]?.extensions?.retryAfter as number;
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect((await attempts(owner.email)).at(-1)?.failureReason).toBe('rate_limited_account');
    // The owner's usual address still signs in (and its pair limit still applies to it).
    expect((await login(owner.email, owner.password, home)).errors).toBeUndefined();
    // Once the oldest failures leave the window, new addresses may try again.
    await age(owner.email, 16);
    expect((await login(owner.email, owner.password, freshIp())).errors).toBeUndefined();
  });

  it('locks unknown emails the same way (no enumeration through the lock)', async () => {
    const email = `nobody-${randomUUID()}@example.com`;
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await login(email, WRONG, ip);
    expect(errorCodes(await login(email, WRONG, ip))).toEqual(['RATE_LIMITED']);
  });

  it('forgets failures older than the window and those before a success', async () => {
    const account = await registerAccount(stack);
    const ip = freshIp();
    await fail(account, 4, ip);
    await age(account.email, 16);
    await fail(account, 4, ip);
    expect((await login(account.email, account.password, ip)).errors).toBeUndefined();
    await fail(account, 4, ip);
    expect((await login(account.email, account.password, ip)).errors).toBeUndefined();
  });

  it('counts aliased login fields one by one: a request never gets more than one guess', async () => {
    const account = await registerAccount(stack);
    const ip = freshIp();
    const aliased = (passwords: string[]) =>
      stack.gql(
        `mutation Aliased($email: String!, ${passwords.map((_, i) => `$p${i}: String!`).join(', ')}) {
          ${passwords.map((_, i) => `a${i}: login(input: { email: $email, password: $p${i} }) { accessToken }`).join('\n')}
        }`,
        { email: account.email, ...Object.fromEntries(passwords.map((p, i) => [`p${i}`, p])) },
        { headers: { 'x-forwarded-for': ip } },
      );
    // Two right passwords: both run, in order, each recorded.
    const both = await aliased([account.password, account.password]);
    expect(both.errors).toBeUndefined();
    expect((await attempts(account.email)).filter((a) => a.success)).toHaveLength(2);
    // Six wrong ones: execution stops at the first failure, which is recorded.
    for (let request = 1; request <= 5; request++) {
      const res = await aliased(Array(6).fill(WRONG) as string[]);
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
      expect((await attempts(account.email)).filter((a) => !a.success)).toHaveLength(request);
    }
    const locked = await aliased([account.password, account.password]);
    expect(errorCodes(locked)).toEqual(['RATE_LIMITED']);
  });

  it('counts concurrent attempts one by one: at most 5 guesses get checked', async () => {
    const account = await registerAccount(stack);
    const ip = freshIp();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => login(account.email, WRONG, ip)),
    );
    const codes = results.flatMap(errorCodes);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(3);
    const rows = await attempts(account.email);
    expect(rows.filter((r) => r.failureReason === 'wrong_password')).toHaveLength(5);
  });

  it(`blocks an IP after ${IP_LIMIT} failures (configurable), across accounts`, async () => {
    const ip = freshIp();
    const victim = await registerAccount(stack);
    for (let i = 0; i < IP_LIMIT; i++) {
      const res = await login(`guess-${randomUUID()}@example.com`, WRONG, ip);
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    }
    const blocked = await login(victim.email, victim.password, ip);
    expect(errorCodes(blocked)).toEqual(['RATE_LIMITED']);
    expect((await attempts(victim.email)).at(-1)?.failureReason).toBe('rate_limited_ip');
    // The account itself is fine from elsewhere.
    expect((await login(victim.email, victim.password, freshIp())).errors).toBeUndefined();
  });

  it('counts wrong current passwords in changePassword toward the same lock', async () => {
    const account = await registerAccount(stack);
    const ip = freshIp();
    const change = (currentPassword: string) =>
      stack.gql(
        `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
          changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
        }`,
        { currentPassword, newPassword: 'a brand new passphrase' },
        { token: account.accessToken, headers: { 'x-forwarded-for': ip } },
      );
    for (let i = 0; i < 5; i++) expect(errorCodes(await change(WRONG))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await change(account.password))).toEqual(['RATE_LIMITED']);
    expect(errorCodes(await login(account.email, account.password, ip))).toEqual(['RATE_LIMITED']);
    const reasons = (await attempts(account.email)).map((a) => a.failureReason);
    expect(reasons.filter((r) => r === 'wrong_current_password')).toHaveLength(5);
  });

  it('keeps the state in PostgreSQL: a second auth replica sees the same lock', async () => {
    const account = await registerAccount(stack);
    const ip = freshIp();
    await fail(account, 5, ip);
    const config = await loadAuthConfig(stack.env);
    const db = createAuthDb(config.databaseUrl, { max: 2 });
    const replica = await createAuthServer({
      db,
      config,
      logger: createLogger('replica', 'silent'),
    });
    try {
      const direct = createGraphQLClient(await replica.listen(0), stack.gatewayProof);
      const res = await direct.gql(
        LOGIN,
        { input: { email: account.email, password: account.password } },
        { headers: { 'x-forwarded-for': ip } },
      );
      expect(errorCodes(res)).toEqual(['RATE_LIMITED']);
    } finally {
      await replica.close();
      await db.$disconnect();
    }
  });
});
