// The page loader: pages of many parents asked in one tick cost one fetch per distinct page
// (first, after, totalCount selected or not); rows come back per parent, newest first, as
// connections with their counts. The source here is in memory: what is tested is the batching.
import { describe, expect, it } from 'vitest';
import { decodeCursor } from '../../src/paging/cursor.ts';
import { createPageLoader, pageKey, type PageSource } from '../../src/paging/pageLoader.ts';
import type { PageRequest } from '../../src/paging/pageArgs.ts';

interface Row {
  parentId: string;
  id: string;
  createdAt: Date;
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [A, B, C] = [uuid(901), uuid(902), uuid(903)];
/** Parent A has 3 rows, B has 1 (two at the same instant as A's newest), C none. */
const table: Row[] = [
  { parentId: A, id: uuid(1), createdAt: new Date('2026-01-01T00:00:00Z') },
  { parentId: A, id: uuid(2), createdAt: new Date('2026-01-03T00:00:00Z') },
  { parentId: A, id: uuid(3), createdAt: new Date('2026-01-03T00:00:00Z') },
  { parentId: B, id: uuid(4), createdAt: new Date('2026-01-02T00:00:00Z') },
];

function source() {
  const fetches: { parentIds: string[]; page: PageRequest }[] = [];
  const rowSource: PageSource<Row> = {
    parentOf: (row) => row.parentId,
    positionOf: (row) => row,
    async fetch(parentIds, page) {
      fetches.push({ parentIds, page });
      // Unordered on purpose, as rows fetched by id come back.
      const rows = table.filter(
        (row) =>
          parentIds.includes(row.parentId) &&
          (!page.after ||
            row.createdAt < page.after.createdAt ||
            (row.createdAt.getTime() === page.after.createdAt.getTime() && row.id < page.after.id)),
      );
      const counts = new Map(
        parentIds.map((p) => [p, table.filter((r) => r.parentId === p).length]),
      );
      return { rows, ...(page.withCount ? { counts } : {}) };
    },
  };
  return { fetches, loader: createPageLoader(rowSource) };
}

describe('createPageLoader', () => {
  it('loads the same page of many parents with one fetch, each newest first', async () => {
    const { fetches, loader } = source();
    const [a, b, c] = await Promise.all(
      [A, B, C].map((parent) => loader.load(pageKey(parent, { first: 2 }))),
    );
    expect(fetches).toHaveLength(1);
    expect(fetches[0]!.parentIds).toEqual([A, B, C]);
    expect(a!.edges.map((e) => e.node.id)).toEqual([uuid(3), uuid(2)]);
    expect(a!.pageInfo.hasNextPage).toBe(true);
    expect(a!.totalCount).toBe(3);
    expect(b!.edges.map((e) => e.node.id)).toEqual([uuid(4)]);
    expect(b!.pageInfo.hasNextPage).toBe(false);
    expect(c!.edges).toEqual([]);
  });

  it('continues after a cursor (ties broken by id)', async () => {
    const { loader } = source();
    const first = await loader.load(pageKey(A, { first: 1 }));
    expect(decodeCursor(first.pageInfo.endCursor!).id).toBe(uuid(3));
    const next = await loader.load(pageKey(A, { first: 1, after: first.pageInfo.endCursor }));
    expect(next.edges.map((e) => e.node.id)).toEqual([uuid(2)]);
    expect(next.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('fetches distinct pages apart, and counts only where asked', async () => {
    const { fetches, loader } = source();
    const counted = { ...pageKey(A, { first: 1 }), withCount: true };
    const uncounted = { ...pageKey(B, { first: 1 }), withCount: false };
    const [a, b] = await Promise.all([
      loader.load(counted),
      loader.load(uncounted),
      loader.load(pageKey(B, { first: 2 })),
    ]);
    expect(fetches).toHaveLength(3);
    expect(a.totalCount).toBe(3);
    expect(b.totalCount).toBe(0);
  });

  it('answers a parent that cannot exist (no UUID) with an empty page, without fetching', async () => {
    const { fetches, loader } = source();
    const page = await loader.load(pageKey('not-an-id', {}));
    expect(page.edges).toEqual([]);
    expect(fetches).toHaveLength(0);
  });
});
