// The maintained client counts (client_counts, kept by triggers on clients): an unfiltered
// list's totalCount and a profile's clientCount read them instead of counting the book, so
// they must agree with the book after every kind of write, and a rolled-back write must not
// move them.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withTenant } from '../subgraphs/clients/src/db.ts';
import { createClient, op, registerAstrologer } from './fixtures/clients.ts';
import type { TestAccount } from './fixtures/accounts.ts';
import { clientCsv } from './helpers/clientBook.ts';
import { startStack, type Stack } from './helpers/stack.ts';

describe('client counts', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  /** totalCount (unfiltered), clientCount and the book's real size, which must all agree. */
  async function counts(astro: TestAccount) {
    const list = await stack.gql<{ clients: { totalCount: number } }>(
      op('MyClients'),
      { first: 1 },
      { token: astro.accessToken },
    );
    const book = await stack.gql<{
      me: { profile: { clientCount: number; clients: { totalCount: number } } };
    }>(op('MyClientBook'), { first: 1 }, { token: astro.accessToken });
    const db = new pg.Client({ connectionString: inject('databaseUrls').owner });
    await db.connect();
    const { rows } = await db
      .query<{ n: number }>(
        'SELECT count(*)::int AS n FROM app_clients.clients WHERE tenant_id = $1 AND deleted_at IS NULL',
        [astro.id],
      )
      .finally(() => db.end());
    return {
      totalCount: list.data?.clients.totalCount,
      clientCount: book.data?.me.profile.clientCount,
      bookTotal: book.data?.me.profile.clients.totalCount,
      real: rows[0]?.n,
    };
  }

  const agreeing = (n: number) => ({ totalCount: n, clientCount: n, bookTotal: n, real: n });

  it('follow creates, soft deletes and imports (re-runs included), tenant by tenant', async () => {
    const astro = await registerAstrologer(stack);
    const other = await registerAstrologer(stack);
    expect(await counts(astro)).toEqual(agreeing(0));
    const created = [];
    for (let i = 0; i < 3; i++) created.push(await createClient(stack, astro.accessToken));
    await createClient(stack, other.accessToken);
    expect(await counts(astro)).toEqual(agreeing(3));

    const deleted = await stack.gql(
      op('DeleteClient'),
      { id: created[0]?.id },
      { token: astro.accessToken },
    );
    expect(deleted.errors).toBeUndefined();
    expect(await counts(astro)).toEqual(agreeing(2));

    // Five rows, one invalid (no name): four imported, and none again on a re-run.
    const csv = `${clientCsv(7, 4)},no-name@example.com,,\n`;
    for (let run = 0; run < 2; run++) {
      const res = await stack.gql<{ importClients: { successCount: number } }>(
        op('ImportClients'),
        { csv },
        { token: astro.accessToken },
      );
      expect(res.errors).toBeUndefined();
    }
    expect(await counts(astro)).toEqual(agreeing(6));
    expect(await counts(other)).toEqual(agreeing(1));
  });

  it('does not move when the writing transaction rolls back', async () => {
    const astro = await registerAstrologer(stack);
    await createClient(stack, astro.accessToken);
    const failure = new Error('rolled back on purpose');
    await expect(
      withTenant(stack.db.clients, astro.id, async (tx) => {
        await tx.client.createMany({
          data: [1, 2].map((i) => ({ tenantId: astro.id, name: `Rolled back ${i}` })),
        });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await counts(astro)).toEqual(agreeing(1));
  });

  it('cannot be read or moved for another tenant (row-level security)', async () => {
    const astro = await registerAstrologer(stack);
    const other = await registerAstrologer(stack);
    await createClient(stack, other.accessToken);
    const seen = await withTenant(stack.db.clients, astro.id, (tx) =>
      tx.clientCount.findMany({ where: { tenantId: other.id } }),
    );
    expect(seen).toEqual([]);
    const moved = await withTenant(stack.db.clients, astro.id, (tx) =>
      tx.clientCount.updateMany({ where: { tenantId: other.id }, data: { liveCount: 99 } }),
    );
    expect(moved.count).toBe(0);
    expect(await counts(other)).toEqual(agreeing(1));
  });
});
