// The maintained client counts (client_counts and client_tag_counts, kept by triggers on
// clients): an unfiltered list's totalCount, a profile's clientCount and a one-tag list's
// totalCount read them instead of counting the book, so they must agree with the book after
// every kind of write, and a rolled-back write must not move them.
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

  /**
   * Per tag: a one-tag list's totalCount, the counter row and the number of live clients that
   * really hold the tag (`tags @> '["<tag>"]'`).
   */
  async function tagCounts(astro: TestAccount, tags: string[]) {
    const db = new pg.Client({ connectionString: inject('databaseUrls').owner });
    await db.connect();
    try {
      const result: Record<string, { totalCount?: number; counter: number; real: number }> = {};
      for (const tag of tags) {
        const list = await stack.gql<{ clients: { totalCount: number } }>(
          op('MyClients'),
          { first: 1, tags: [tag] },
          { token: astro.accessToken },
        );
        const { rows } = await db.query<{ counter: number; real: number }>(
          `SELECT coalesce((SELECT live_count FROM app_clients.client_tag_counts
                             WHERE tenant_id = $1 AND tag = $2), 0) AS counter,
                  (SELECT count(*)::int FROM app_clients.clients
                    WHERE tenant_id = $1 AND deleted_at IS NULL AND tags @> $3::jsonb) AS real`,
          [astro.id, tag, JSON.stringify([tag])],
        );
        result[tag] = { totalCount: list.data?.clients.totalCount, ...rows[0]! };
      }
      return result;
    } finally {
      await db.end();
    }
  }

  /** Expected tagCounts: every figure equal to the real count given. */
  const tagsAgreeing = (real: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(real).map(([tag, n]) => [tag, { totalCount: n, counter: n, real: n }]),
    );

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

  it('tag counts follow creates, tags edits, soft deletes, restores, deletes and imports', async () => {
    const astro = await registerAstrologer(stack);
    const other = await registerAstrologer(stack);
    const a = await createClient(stack, astro.accessToken, { tags: ['VIP', 'gold'] });
    const b = await createClient(stack, astro.accessToken, { tags: ['vip'] });
    await createClient(stack, astro.accessToken);
    await createClient(stack, other.accessToken, { tags: ['vip'] });
    const tags = ['vip', 'gold', 'new'];
    expect(await tagCounts(astro, tags)).toEqual(tagsAgreeing({ vip: 2, gold: 1, new: 0 }));

    // A tags edit moves only the tags it changes; an edit of other fields moves nothing.
    for (const input of [{ tags: ['gold', 'new'] }, { name: 'Renamed' }]) {
      const res = await stack.gql(
        op('UpdateClient'),
        { id: a.id, input },
        { token: astro.accessToken },
      );
      expect(res.errors).toBeUndefined();
    }
    expect(await tagCounts(astro, tags)).toEqual(tagsAgreeing({ vip: 1, gold: 1, new: 1 }));

    const deleted = await stack.gql(op('DeleteClient'), { id: b.id }, { token: astro.accessToken });
    expect(deleted.errors).toBeUndefined();
    expect(await tagCounts(astro, tags)).toEqual(tagsAgreeing({ vip: 0, gold: 1, new: 1 }));

    // No operation restores or hard-deletes a client yet; the triggers cover both anyway.
    await withTenant(stack.db.clients, astro.id, (tx) =>
      tx.client.update({ where: { id: b.id }, data: { deletedAt: null } }),
    );
    expect(await tagCounts(astro, tags)).toEqual(tagsAgreeing({ vip: 1, gold: 1, new: 1 }));
    await withTenant(stack.db.clients, astro.id, (tx) =>
      tx.client.deleteMany({ where: { id: { in: [a.id, b.id] } } }),
    );
    expect(await tagCounts(astro, tags)).toEqual(tagsAgreeing({ vip: 0, gold: 0, new: 0 }));

    // Five rows tagged t0..t4 (and vip on the first, see clientCsv), one with vip and gold
    // (given three times in two cases): imported once, re-run included.
    const csv = `${clientCsv(8, 5)}Tagged,tagged@example.com,,VIP;gold;vip\n`;
    for (let run = 0; run < 2; run++) {
      const res = await stack.gql(op('ImportClients'), { csv }, { token: astro.accessToken });
      expect(res.errors).toBeUndefined();
    }
    expect(await tagCounts(astro, [...tags, 't0', 't4'])).toEqual(
      tagsAgreeing({ vip: 2, gold: 1, new: 0, t0: 1, t4: 1 }),
    );
    expect(await tagCounts(other, ['vip', 'gold'])).toEqual(tagsAgreeing({ vip: 1, gold: 0 }));
  });

  it('does not move when the writing transaction rolls back', async () => {
    const astro = await registerAstrologer(stack);
    await createClient(stack, astro.accessToken);
    const failure = new Error('rolled back on purpose');
    await expect(
      withTenant(stack.db.clients, astro.id, async (tx) => {
        await tx.client.createMany({
          data: [1, 2].map((i) => ({
            tenantId: astro.id,
            name: `Rolled back ${i}`,
            tags: ['vip'],
          })),
        });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await counts(astro)).toEqual(agreeing(1));
    expect(await tagCounts(astro, ['vip'])).toEqual(tagsAgreeing({ vip: 0 }));
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
    // The same for the tag counters.
    await createClient(stack, other.accessToken, { tags: ['vip'] });
    const seenTags = await withTenant(stack.db.clients, astro.id, (tx) =>
      tx.clientTagCount.findMany({ where: { tenantId: other.id } }),
    );
    expect(seenTags).toEqual([]);
    const movedTags = await withTenant(stack.db.clients, astro.id, (tx) =>
      tx.clientTagCount.updateMany({ where: { tenantId: other.id }, data: { liveCount: 99 } }),
    );
    expect(movedTags.count).toBe(0);
    expect(await tagCounts(other, ['vip'])).toEqual(tagsAgreeing({ vip: 1 }));
  });
});
