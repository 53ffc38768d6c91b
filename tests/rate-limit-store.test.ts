// The shared limiter itself: one-statement PostgreSQL counters (exact under concurrency,
// shared by every client of the table), in-memory fixed windows, the RATE_LIMITS switch, and
// the housekeeping that deletes ended windows in app_auth and, under row-level security, in
// app_clients.
import { randomUUID } from 'node:crypto';
import {
  addressSubject,
  ConfigError,
  createMemoryStore,
  createPostgresStore,
  createRateLimiter,
  rateLimitsEnabled,
} from '@grahvani/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb as createAuthDb } from '../subgraphs/auth/src/db.ts';
import { pruneAuthRecords } from '../subgraphs/auth/src/housekeeping.ts';
import { createDb as createClientsDb } from '../subgraphs/clients/src/db.ts';
import { createClientsLimiter, pruneRateLimits } from '../subgraphs/clients/src/rateLimits.ts';

const DAY = 86_400;
const rule = (max: number, windowSeconds = DAY) => ({
  name: `test-${randomUUID()}`,
  max,
  windowSeconds,
});
const codeOf = (err: unknown) => (err as { extensions?: { code?: unknown } }).extensions?.code;

describe('PostgreSQL counters', () => {
  const urls = inject('databaseUrls');
  const auth = createAuthDb(urls.auth, { max: 10 });
  const clients = createClientsDb(urls.clients, { max: 4 });
  const owner = new pg.Client({ connectionString: urls.owner });
  const store = createPostgresStore(
    { table: '"app_auth"."rate_limits"' },
    (_subject, sql, values) => auth.$queryRawUnsafe(sql, ...values),
  );

  beforeAll(() => owner.connect());
  afterAll(async () => {
    await Promise.all([auth.$disconnect(), clients.$disconnect(), owner.end()]);
  });

  it('counts concurrent hits exactly, one statement each', async () => {
    const limit = rule(10);
    const counts = await Promise.all(Array.from({ length: 25 }, () => store.hit(limit, 'ip:a')));
    expect(counts.map((c) => c.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    for (const { retryAfter } of counts) {
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(DAY);
    }
    expect(await store.peek(limit, 'ip:a')).toMatchObject({ hits: 25 });
    expect(await store.peek(limit, 'ip:b')).toMatchObject({ hits: 0 });
  });

  it('refuses past the limit with RATE_LIMITED and retryAfter, per subject', async () => {
    const limiter = createRateLimiter({ enabled: true, store });
    const limit = rule(2);
    await limiter.consume(limit, 's1');
    await limiter.consume(limit, 's1');
    const refused: unknown = await limiter.consume(limit, 's1').catch((err: unknown) => err);
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(
      (refused as { extensions: { retryAfter: number } }).extensions.retryAfter,
    ).toBeGreaterThan(0);
    await expect(limiter.consume(limit, 's2')).resolves.toBeUndefined();
  });

  it('counts failures only when told, and refuses once they reach the limit', async () => {
    const limiter = createRateLimiter({ enabled: true, store });
    const limit = rule(2);
    await limiter.check(limit, 'x');
    await limiter.check(limit, 'x');
    await limiter.fail(limit, 'x');
    await limiter.check(limit, 'x');
    await limiter.fail(limit, 'x');
    expect(codeOf(await limiter.check(limit, 'x').catch((err: unknown) => err))).toBe(
      'RATE_LIMITED',
    );
  });

  it('does nothing at all when switched off', async () => {
    const limiter = createRateLimiter({ enabled: false, store });
    const limit = rule(1);
    for (let i = 0; i < 3; i++) await limiter.consume(limit, 'off');
    expect(await store.peek(limit, 'off')).toMatchObject({ hits: 0 });
  });

  it('app_auth housekeeping deletes the counters whose window has ended', async () => {
    const [ended, current] = [rule(1), rule(1)];
    await store.hit(current, 'kept');
    await auth.rateLimit.create({
      data: {
        name: ended.name,
        subject: 'gone',
        windowStart: new Date(Date.now() - 2 * DAY * 1000),
        hits: 5,
        expiresAt: new Date(Date.now() - DAY * 1000),
      },
    });
    const { rateLimits } = await pruneAuthRecords(auth, {
      attemptRetentionDays: 90,
      auditRetentionDays: 400,
    });
    expect(rateLimits).toBeGreaterThanOrEqual(1);
    const left = await auth.rateLimit.findMany({
      where: { name: { in: [ended.name, current.name] } },
    });
    expect(left.map((r) => r.name)).toEqual([current.name]);
  });

  it('app_clients counters are per tenant under row-level security, pruned by a definer function', async () => {
    const limiter = createClientsLimiter(clients, true);
    const limit = rule(1);
    const [tenant, other] = [randomUUID(), randomUUID()];
    await limiter.consume(limit, tenant);
    expect(codeOf(await limiter.consume(limit, tenant).catch((err: unknown) => err))).toBe(
      'RATE_LIMITED',
    );
    await limiter.consume(limit, other);
    // The service role sees no counter outside a tenant's transaction.
    expect(await clients.rateLimit.count()).toBe(0);
    const seen = await owner.query<{ subject: string }>(
      'SELECT tenant_id::text AS subject FROM app_clients.rate_limits WHERE name = $1 ORDER BY 1',
      [limit.name],
    );
    expect(seen.rows.map((r) => r.subject)).toEqual([tenant, other].sort());
    await pruneRateLimits(clients);
    const live = await owner.query('SELECT 1 FROM app_clients.rate_limits WHERE name = $1', [
      limit.name,
    ]);
    expect(live.rowCount).toBe(2);
    expect(
      await pruneRateLimits(clients, new Date(Date.now() + 2 * DAY * 1000)),
    ).toBeGreaterThanOrEqual(2);
    const after = await owner.query('SELECT 1 FROM app_clients.rate_limits WHERE name = $1', [
      limit.name,
    ]);
    expect(after.rowCount).toBe(0);
  });
});

describe('memory counters', () => {
  it('count in fixed windows and say when the window ends', async () => {
    let now = Date.UTC(2026, 0, 1, 12, 0, 10);
    const store = createMemoryStore(() => now);
    const limit = rule(2, 60);
    expect(await store.hit(limit, 'a')).toEqual({ hits: 1, retryAfter: 50 });
    expect(await store.hit(limit, 'a')).toEqual({ hits: 2, retryAfter: 50 });
    expect(await store.hit(limit, 'b')).toEqual({ hits: 1, retryAfter: 50 });
    now += 49_500;
    expect(await store.hit(limit, 'a')).toEqual({ hits: 3, retryAfter: 1 });
    now += 1_000;
    expect(await store.hit(limit, 'a')).toEqual({ hits: 1, retryAfter: 60 });
  });
});

describe('RATE_LIMITS', () => {
  it('is on by default in production only, and on or off when set', () => {
    expect(rateLimitsEnabled({}, 'production')).toBe(true);
    expect(rateLimitsEnabled({}, 'development')).toBe(false);
    expect(rateLimitsEnabled({}, 'test')).toBe(false);
    expect(rateLimitsEnabled({ RATE_LIMITS: 'on' }, 'test')).toBe(true);
    expect(rateLimitsEnabled({ RATE_LIMITS: 'off' }, 'production')).toBe(false);
    expect(() => rateLimitsEnabled({ RATE_LIMITS: 'yes' }, 'test')).toThrow(ConfigError);
  });
});

describe('address subjects', () => {
  it('count IPv4 addresses one by one and IPv6 addresses by their /64', () => {
    expect(addressSubject('203.0.113.7')).toBe('ip:203.0.113.7');
    expect(addressSubject('::ffff:203.0.113.7')).toBe('ip:203.0.113.7');
    expect(addressSubject('2001:db8:1:2:3:4:5:6')).toBe('ip:2001:db8:1:2::/64');
    expect(addressSubject('2001:db8:1:2::9')).toBe('ip:2001:db8:1:2::/64');
    expect(addressSubject('2001:0db8:0001:0002:ffff::1')).toBe('ip:2001:db8:1:2::/64');
    expect(addressSubject('2001:db8::1')).toBe('ip:2001:db8:0:0::/64');
    expect(addressSubject('::1')).toBe('ip:0:0:0:0::/64');
    expect(addressSubject('fe80::1%eth0')).toBe('ip:fe80:0:0:0::/64');
    expect(addressSubject('2001:db8:1:2::1.2.3.4')).toBe('ip:2001:db8:1:2::/64');
    expect(addressSubject(null)).toBe('ip:unknown');
  });
});
