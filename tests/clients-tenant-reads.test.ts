// The clients service's per-request tenant reads (subgraphs/clients/src/tenantReads.ts): the
// reads of one request share one transaction, row-level security still separates tenants, a
// failing read fails alone, and the transaction always ends.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createDb, withTenant, type Db } from '../subgraphs/clients/src/db.ts';
import { createTenantReads } from '../subgraphs/clients/src/tenantReads.ts';

describe('tenant reads of one request', () => {
  let db: Db;
  let sent: string[] = [];
  const alice = randomUUID();
  /** Lets a transaction that has nothing left to do end. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
  const bob = randomUUID();

  beforeAll(async () => {
    db = createDb(inject('databaseUrls').clients, { max: 3, onQuery: (sql) => sent.push(sql) });
    for (const [tenant, n] of [
      [alice, 3],
      [bob, 2],
    ] as const) {
      await withTenant(db, tenant, (tx) =>
        tx.client.createMany({
          data: Array.from({ length: n }, (_, i) => ({ tenantId: tenant, name: `C${i}` })),
        }),
      );
    }
    sent = [];
  });
  afterAll(() => db?.$disconnect());
  beforeEach(async () => {
    await settle(); // the previous test's last transaction ends
    sent = [];
  });

  const begins = () => sent.filter((sql) => /^BEGIN\b/.test(sql)).length;
  const ends = () => sent.filter((sql) => sql === 'COMMIT' || sql === 'ROLLBACK').length;

  it('runs the reads asked together, and those they lead to, in one transaction', async () => {
    const reads = createTenantReads(db);
    const count = () => reads(alice, (tx) => tx.client.count());
    const [a, b, c] = await Promise.all([
      count(),
      count().then(() => count()), // asked once the first results are in
      reads(alice, (tx) => tx.client.findMany({ select: { id: true } })),
    ]);
    expect([a, b, c.length]).toEqual([3, 3, 3]);
    await settle();
    expect(begins()).toBe(1);
    expect(sent.filter((sql) => sql === 'COMMIT')).toHaveLength(1);
    // A read asked after the request went idle opens a new transaction.
    expect(await count()).toBe(3);
    await settle();
    expect(begins()).toBe(2);
    expect(ends()).toBe(2);
  });

  it('keeps each tenant to its own rows (row-level security), one transaction per tenant', async () => {
    const reads = createTenantReads(db);
    // No tenant filter in the queries: the policies alone decide what each read sees.
    const [mine, theirs] = await Promise.all([
      reads(alice, (tx) => tx.client.findMany({ select: { tenantId: true } })),
      reads(bob, (tx) => tx.client.findMany({ select: { tenantId: true } })),
    ]);
    expect(mine.map((row) => row.tenantId)).toEqual([alice, alice, alice]);
    expect(theirs.map((row) => row.tenantId)).toEqual([bob, bob]);
    await settle();
    expect(begins()).toBe(2);
  });

  it('gives a failing read its own error, and the reads that shared its transaction their results', async () => {
    const reads = createTenantReads(db);
    const failing = reads(alice, (tx) => tx.$queryRawUnsafe('SELECT 1/0'));
    const others = Promise.all([
      reads(alice, (tx) => tx.client.count()),
      reads(alice, (tx) => tx.client.findMany({ select: { id: true } })),
    ]);
    await expect(failing).rejects.toThrow();
    const [count, rows] = await others;
    expect(count).toBe(3);
    expect(rows).toHaveLength(3);
    await settle();
    // The aborted transaction rolled back; every transaction opened has ended.
    expect(sent).toContain('ROLLBACK');
    expect(ends()).toBe(begins());
    // And the request can still read.
    expect(await reads(alice, (tx) => tx.client.count())).toBe(3);
  });

  it('rejects a read that throws without touching the database, and ends the transaction', async () => {
    const reads = createTenantReads(db);
    const thrown = new Error('not the database');
    await expect(
      reads(alice, async () => {
        throw thrown;
      }),
    ).rejects.toBe(thrown);
    await settle();
    expect(ends()).toBe(begins());
    expect(await reads(alice, (tx) => tx.client.count())).toBe(3);
  });
});
