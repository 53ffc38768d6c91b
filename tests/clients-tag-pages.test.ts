// A one-tag client list pages by a bounded walk of the (tenant, created_at, id) index and falls
// back to gathering the tag's matches when the walk is skipped (a tag with few matches) or
// comes back short (a tag held only by old clients). Whichever path serves a page, the pages
// must be the matches newest first, exactly as SQL orders them, with the counter's total.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CursorPosition } from '@grahvani/shared';
import { createDb, withTenant, type Db } from '../subgraphs/clients/src/db.ts';
import { filteredPageIds } from '../subgraphs/clients/src/filteredPage.ts';
import { taggedPageIds, WALK_PER_ROW } from '../subgraphs/clients/src/taggedPage.ts';

/** Pages of one id each: limit 2, so a walk reads at most 2 * WALK_PER_ROW rows. */
const LIMIT = 2;
const WALK = LIMIT * WALK_PER_ROW;
/** The oldest clients hold `early`, the others `late`; every third one `third`. */
const EARLY = WALK + 50;
const LATE = 2 * WALK;

describe('one-tag pages', () => {
  const tenantId = randomUUID();
  let db: Db;
  const base = Date.parse('2026-01-01T00:00:00Z');
  /** The clients as created: index = age rank, oldest first. */
  const clients: { id: string; createdAt: Date; tags: string[] }[] = [];

  beforeAll(async () => {
    db = createDb(inject('databaseUrls').clients, { max: 2 });
    for (let n = 0; n < EARLY + LATE; n++) {
      // Two clients per second: cursors must also order clients that share created_at.
      const tags = [n < EARLY ? 'early' : 'late', ...(n % 3 === 0 ? ['third'] : [])];
      if (n === EARLY + 7) tags.push('rare');
      clients.push({
        id: randomUUID(),
        createdAt: new Date(base + Math.floor(n / 2) * 1000),
        tags,
      });
    }
    await withTenant(db, tenantId, (tx) =>
      tx.client.createMany({
        data: clients.map((c, n) => ({ ...c, tenantId, name: `Client ${n}` })),
      }),
    );
  });
  afterAll(() => db?.$disconnect());

  /** Every page of `tag`, one id per page, by cursor; and the totals each page reported. */
  async function walkAll(tag: string) {
    const ids: string[] = [];
    const totals = new Set<number>();
    let after: CursorPosition | undefined;
    for (;;) {
      const page = await withTenant(db, tenantId, (tx) =>
        filteredPageIds(tx, tenantId, { tags: [tag] }, { limit: LIMIT, after, withCount: true }),
      );
      totals.add(page.total);
      const [id] = page.ids;
      if (!id) return { ids, totals: [...totals] };
      ids.push(id);
      const client = clients.find((c) => c.id === id)!;
      after = { createdAt: client.createdAt, id };
      if (page.ids.length < LIMIT) return { ids, totals: [...totals] };
    }
  }

  /** The clients holding `tag`, newest first (created_at, then id, descending). */
  const expected = (tag: string) =>
    clients
      .filter((c) => c.tags.includes(tag))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((c) => c.id);

  // late: walked (more matches than a walk, held by the newest); third: walked, one in three;
  // early: more matches than a walk but only old ones, so the walk comes back short and the
  // matches are gathered; rare: too few matches to walk for.
  it.each(['late', 'third', 'early', 'rare'])('pages %s exactly as SQL orders it', async (tag) => {
    const want = expected(tag);
    const got = await walkAll(tag);
    expect(got.ids).toEqual(want);
    expect(got.totals).toEqual([want.length]);
  });

  it('walks for late and third; falls back for early (old only) and rare (few)', async () => {
    const complete = async (tag: string) =>
      (await withTenant(db, tenantId, (tx) => taggedPageIds(tx, tenantId, tag, { limit: LIMIT })))
        .complete;
    expect(expected('early').length).toBeGreaterThan(WALK);
    expect(await complete('late')).toBe(true);
    expect(await complete('third')).toBe(true);
    expect(await complete('early')).toBe(false);
    expect(await complete('rare')).toBe(false);
  });

  it('gathers and counts the matches of several tags', async () => {
    const both = await withTenant(db, tenantId, (tx) =>
      filteredPageIds(tx, tenantId, { tags: ['early', 'third'] }, { limit: 5, withCount: true }),
    );
    const want = expected('early').filter((id) => expected('third').includes(id));
    expect(both).toEqual({ ids: want.slice(0, 5), total: want.length });
  });
});
