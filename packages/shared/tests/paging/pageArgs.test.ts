// first/after validation of every connection field, and whether totalCount is selected (read
// from the real GraphQLResolveInfo of an executed query).
import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/paging/cursor.ts';
import { MAX_PAGE_SIZE, pageArgs } from '../../src/paging/pageArgs.ts';
import { errorOf } from './errorOf.ts';

const ID = '6f1c2b9e-1d3a-4c5b-9e8f-0a1b2c3d4e5f';

/** The info a resolver of `list` gets for `query`. */
async function infoOf(query: string): Promise<GraphQLResolveInfo> {
  const schema = buildSchema(`
    type Conn { totalCount: Int! edges: [Int!]! }
    type Query { list: Conn! }
  `);
  let seen: GraphQLResolveInfo | undefined;
  const rootValue = {
    list: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      seen = info;
      return { totalCount: 0, edges: [] };
    },
  };
  const res = await graphql({ schema, source: query, rootValue });
  expect(res.errors).toBeUndefined();
  return seen!;
}

describe('pageArgs', () => {
  it('defaults first to 20 and decodes after', () => {
    const at = { createdAt: new Date('2026-01-01T00:00:00.000Z'), id: ID };
    expect(pageArgs({})).toEqual({ first: 20, withCount: true });
    expect(pageArgs({ first: null, after: null })).toEqual({ first: 20, withCount: true });
    expect(pageArgs({ first: 5, after: encodeCursor(at) })).toEqual({
      first: 5,
      after: at,
      withCount: true,
    });
  });

  it.each([-1, MAX_PAGE_SIZE + 1, 2.5])('refuses first = %d as BAD_USER_INPUT', (first) => {
    expect(errorOf(() => pageArgs({ first }))).toEqual(['BAD_USER_INPUT', 'first']);
  });

  it('refuses a bad cursor as BAD_USER_INPUT on after', () => {
    expect(errorOf(() => pageArgs({ after: 'bm9wZQ' }))).toEqual(['BAD_USER_INPUT', 'after']);
  });

  it('accepts the bounds', () => {
    expect(pageArgs({ first: 0 }).first).toBe(0);
    expect(pageArgs({ first: MAX_PAGE_SIZE }).first).toBe(MAX_PAGE_SIZE);
  });

  it('counts only when the field selects totalCount (under any alias or fragment)', async () => {
    const count = async (query: string) => pageArgs({}, await infoOf(query)).withCount;
    expect(await count('{ list { edges } }')).toBe(false);
    expect(await count('{ list { totalCount } }')).toBe(true);
    expect(await count('{ list { n: totalCount } }')).toBe(true);
    expect(await count('{ list { ...F } } fragment F on Conn { totalCount }')).toBe(true);
    expect(await count('{ list { ... on Conn { edges } } }')).toBe(false);
  });
});
