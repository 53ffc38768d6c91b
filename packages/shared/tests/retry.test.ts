// The retry policy of the database manager: which failures are transient, and that a
// transaction is repeated only when its body had not finished (its COMMIT was never sent).
import { describe, expect, it } from 'vitest';
import { isTransientDatabaseError, withRetry, withTransactionRetry } from '../src/retry.ts';

/** Errors shaped as Prisma 7 and node-postgres raise them (seen against a killed PostgreSQL). */
const unreachable = Object.assign(new Error("Can't reach database server"), {
  code: 'P2010',
  meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable' } } },
});
const adminShutdown = Object.assign(new Error('terminating connection'), { code: '57P01' });
const uniqueViolation = Object.assign(new Error('Unique constraint failed'), { code: 'P2002' });

const fast = { baseDelayMs: 1, maxDelayMs: 2 };

describe('database retries', () => {
  it('tells transient failures from bad queries', () => {
    for (const err of [
      unreachable,
      adminShutdown,
      { code: 'P1001' },
      { code: 'P2024' },
      { code: '08006' },
      { code: '57P03' },
      new Error('Connection terminated unexpectedly'),
      { cause: { code: 'ECONNRESET' } },
    ]) {
      expect(isTransientDatabaseError(err), JSON.stringify(err)).toBe(true);
    }
    for (const err of [uniqueViolation, { code: '23505' }, new Error('boom'), null, 'P1001']) {
      expect(isTransientDatabaseError(err), JSON.stringify(err)).toBe(false);
    }
  });

  it('retries transient failures with backoff, up to the limit, and nothing else', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        if (++calls < 3) throw unreachable;
        return 'ok';
      }, fast),
    ).resolves.toBe('ok');
    expect(calls).toBe(3);

    calls = 0;
    await expect(
      withRetry(async () => (++calls, Promise.reject(unreachable)), { ...fast, retries: 2 }),
    ).rejects.toBe(unreachable);
    expect(calls).toBe(3);

    calls = 0;
    await expect(
      withRetry(async () => (++calls, Promise.reject(uniqueViolation)), fast),
    ).rejects.toBe(uniqueViolation);
    expect(calls).toBe(1);
  });

  it('repeats a transaction that failed before its body finished, never one that finished', async () => {
    let attempts = 0;
    await expect(
      withTransactionRetry(async () => {
        if (++attempts === 1) throw adminShutdown; // mid-body: rolled back
        return 'committed';
      }, fast),
    ).resolves.toBe('committed');
    expect(attempts).toBe(2);

    attempts = 0;
    await expect(
      withTransactionRetry(async (finished) => {
        attempts++;
        finished();
        throw adminShutdown; // at COMMIT: outcome unknown
      }, fast),
    ).rejects.toBe(adminShutdown);
    expect(attempts).toBe(1);
  });
});
