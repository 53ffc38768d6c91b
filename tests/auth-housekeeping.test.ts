// Housekeeping in the auth service: old login attempts, spent revocations and long-ended
// sessions are deleted; everything still in use stays.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneAuthRecords } from '../subgraphs/auth/src/housekeeping.ts';
import { loadConfig } from '../subgraphs/auth/src/config.ts';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { startSubgraph, type SubgraphUnderTest } from './helpers/services.ts';

const DAY_MS = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY_MS);

describe('auth housekeeping', () => {
  let stack: SubgraphUnderTest;
  let account: TestAccount;

  beforeAll(async () => {
    stack = await startSubgraph('auth');
    account = await registerAccount(stack);
  });
  afterAll(() => stack?.close());

  it('deletes what has served its purpose and keeps the rest', async () => {
    const db = stack.db.auth;
    const email = `housekeeping-${randomUUID()}@example.com`;
    await db.authLoginAttempt.createMany({
      data: [
        { email, success: false, failureReason: 'old', createdAt: ago(91) },
        { email, success: false, failureReason: 'recent', createdAt: ago(89) },
      ],
    });
    const [ended, live] = await Promise.all([
      db.authSession.create({
        data: { userId: account.id, refreshTokenHash: randomUUID(), expiresAt: ago(91) },
      }),
      db.authSession.create({
        data: { userId: account.id, refreshTokenHash: randomUUID(), expiresAt: ago(-30) },
      }),
    ]);
    await db.authTokenBlacklist.createMany({
      data: [
        { tokenHash: `spent-${live.id}`, tokenType: 'SESSION', expiresAt: ago(1 / 24) },
        { tokenHash: `active-${live.id}`, tokenType: 'SESSION', expiresAt: ago(-1 / 24) },
      ],
    });

    await pruneAuthRecords(db, { attemptRetentionDays: 90, auditRetentionDays: 400 });

    const attempts = await db.authLoginAttempt.findMany({ where: { email } });
    expect(attempts.map((a) => a.failureReason)).toEqual(['recent']);
    const sessions = await db.authSession.findMany({ where: { id: { in: [ended.id, live.id] } } });
    expect(sessions.map((s) => s.id)).toEqual([live.id]);
    const revocations = await db.authTokenBlacklist.findMany({
      where: { tokenHash: { in: [`spent-${live.id}`, `active-${live.id}`] } },
    });
    expect(revocations.map((r) => r.tokenHash)).toEqual([`active-${live.id}`]);
  });

  it('reads the retention from LOGIN_ATTEMPT_RETENTION_DAYS (default 90)', async () => {
    const base = { ...stack.env };
    delete base.LOGIN_ATTEMPT_RETENTION_DAYS;
    expect((await loadConfig(base)).throttle.attemptRetentionDays).toBe(90);
    const custom = await loadConfig({ ...base, LOGIN_ATTEMPT_RETENTION_DAYS: '30' });
    expect(custom.throttle.attemptRetentionDays).toBe(30);
    await expect(loadConfig({ ...base, LOGIN_ATTEMPT_RETENTION_DAYS: '0' })).rejects.toThrow(
      /LOGIN_ATTEMPT_RETENTION_DAYS/,
    );
  });
});
