// Query plans of the users subgraph's lists at 20,000 rows, not on an empty table: a profile
// followed by 20,000 accounts (written in bulk as the database owner), its followers paged
// through the gateway, and the statement the users subgraph really sent EXPLAINed as the users
// role after ANALYZE. The first page and page 50 of 100 must each read about one page of the
// (following_id, created_at DESC, id DESC) index, the deep one starting at its cursor.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerAstrologer, startCountingGraph, type CountingGraph } from './fixtures/clients.ts';
import type { TestAccount } from './fixtures/accounts.ts';
import { asOwner, seedAccounts, seedFollowers } from './helpers/clientBook.ts';
import type { GraphQLResponse } from './helpers/graphql.ts';
import { executedPlan, type PlanNode } from './helpers/plans.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const FOLLOWERS = 20_000;

const USER_FOLLOWERS = /* GraphQL */ `
  query UserFollowers($id: ID!, $first: Int, $after: String) {
    user(id: $id) {
      followers(first: $first, after: $after) {
        totalCount
        pageInfo {
          endCursor
        }
        edges {
          node {
            id
            name
          }
        }
      }
    }
  }
`;

type FollowersPage = GraphQLResponse<{
  user: { followers: { totalCount: number; pageInfo: { endCursor: string | null } } };
}>;

describe(`followers' query plans at ${FOLLOWERS} followers`, () => {
  let stack: Stack;
  let graph: CountingGraph;
  let viewer: TestAccount;
  let starId: string;

  beforeAll(async () => {
    stack = await startStack();
    graph = await startCountingGraph(stack);
    viewer = await registerAstrologer(stack, 'Plan Viewer');
    starId = await asOwner(inject('databaseUrls').owner, async (db) => {
      const [star] = await seedAccounts(db, 1, 'plan-star');
      if (!star) throw new Error('no star');
      await seedFollowers(db, star, await seedAccounts(db, FOLLOWERS, 'plan-fan'));
      await db.query('ANALYZE app_users.users, app_users.user_followers');
      return star;
    });
  }, 120_000);
  afterAll(async () => {
    await graph?.close();
    await stack?.close();
  });

  /** The followers page statement the users subgraph sent for one page, and the page. */
  async function followersStatement(after: string | null) {
    graph.reset();
    const res: FollowersPage = await graph.gql(
      USER_FOLLOWERS,
      { id: starId, first: 100, after },
      { token: viewer.accessToken },
    );
    expect(res.errors).toBeUndefined();
    const statement = graph.usersSql.find((s) => s.sql.includes('"app_users"."user_followers" t'));
    expect(statement).toBeDefined();
    return { statement: statement!, page: res.data!.user.followers };
  }

  /** The executed plan (EXPLAIN ANALYZE) of a statement, as the users role. */
  const planOf = (statement: { sql: string; params: string }) =>
    executedPlan(inject('databaseUrls').users, statement);

  /** The scan of the followers index in a plan, which must exist and scan nothing else. */
  function followersScan(nodes: PlanNode[]) {
    expect(nodes.filter((n) => n['Node Type'] === 'Seq Scan')).toEqual([]);
    const scan = nodes.find(
      (n) => n['Index Name'] === 'user_followers_following_id_created_at_id_idx',
    );
    expect(scan).toBeDefined();
    return scan!;
  }

  it('reads the first page of 100 from the followers index, not 20,000 rows', async () => {
    const { statement, page } = await followersStatement(null);
    expect(page.totalCount).toBe(FOLLOWERS);
    const scan = followersScan(await planOf(statement));
    // The page and the row that tells hasNextPage.
    expect(scan['Actual Rows']).toBe(101);
  });

  it('starts page 50 of 100 at its cursor, not by reading the 4,900 rows before it', async () => {
    let after: string | null = null;
    for (let page = 1; page < 50; page++) {
      const { page: followers } = await followersStatement(after);
      after = followers.pageInfo.endCursor;
      expect(after).not.toBeNull();
    }
    const { statement } = await followersStatement(after);
    const scan = followersScan(await planOf(statement));
    expect(scan['Index Cond']).toMatch(/created_at/);
    expect((scan['Actual Rows'] ?? 0) + (scan['Rows Removed by Filter'] ?? 0)).toBe(101);
  });
});
