// Batching and indexes: listing clients with their owners costs a fixed number of SQL
// statements whatever the page size, and the tags filter is answered by the GIN index.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { withTenant } from '../subgraphs/clients/src/db.ts';
import { startCountingGraph, type CountingGraph } from './fixtures/clients.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const LIST = /* GraphQL */ `
  query List($first: Int, $tags: [String!], $search: String) {
    clients(first: $first, tags: $tags, search: $search) {
      totalCount
      edges {
        node {
          id
          name
          tags
          owner {
            id
            name
            account {
              id
              email
            }
          }
        }
      }
    }
  }
`;

describe('clients batching', () => {
  let stack: Stack;
  let graph: CountingGraph;
  let astro: TestAccount;

  beforeAll(async () => {
    stack = await startStack();
    graph = await startCountingGraph(stack);
    astro = await registerAccount(stack, { name: 'Batch Astrologer' });
    // Written straight to the database (under the tenant, as row-level security demands):
    // a hundred mutations through the gateway would only slow this test down.
    await withTenant(stack.db.clients, astro.id, (tx) =>
      tx.client.createMany({
        data: Array.from({ length: 1000 }, (_, i) => ({
          tenantId: astro.id,
          name: `Batch ${i}`,
          tags: i % 200 === 0 ? ['vip', 'gin'] : ['other', `batch-${i % 7}`],
        })),
      }),
    );
  });
  afterAll(async () => {
    await graph?.close();
    await stack?.close();
  });

  async function statementsFor(first: number) {
    graph.reset();
    const res = await graph.gql<{
      clients: { edges: { node: { owner: { account: { email: string } } } }[] };
    }>(LIST, { first }, { token: astro.accessToken });
    expect(res.errors).toBeUndefined();
    expect(res.data?.clients.edges).toHaveLength(first);
    for (const edge of res.data!.clients.edges) {
      expect(edge.node.owner.account.email).toBe(astro.email);
    }
    return { clients: graph.clientsSql.length, users: graph.usersSql.length };
  }

  it('lists 100 clients with their owners in as many SQL statements as one', async () => {
    await statementsFor(1); // the owner's profile is created on first need: not what is measured
    const one = await statementsFor(1);
    const hundred = await statementsFor(100);
    expect(one.clients).toBeGreaterThan(0);
    expect(one.users).toBeGreaterThan(0);
    expect(hundred).toEqual(one);
  });

  it("loads every client's records in as many SQL statements for 50 clients as for one", async () => {
    const CHILDREN = /* GraphQL */ `
      query Children($first: Int) {
        clients(first: $first) {
          edges {
            node {
              id
              familyLinks {
                id
                relatedClient {
                  id
                }
              }
              consultations(first: 2) {
                totalCount
                edges {
                  node {
                    id
                    fee
                  }
                }
              }
              savedCharts {
                id
              }
              notes {
                id
              }
              remedies {
                id
              }
              activity(first: 3) {
                totalCount
                edges {
                  node {
                    action
                  }
                }
              }
            }
          }
        }
      }
    `;
    const listed = await graph.gql<{ clients: { edges: { node: { id: string } }[] } }>(
      CHILDREN,
      { first: 3 },
      { token: astro.accessToken },
    );
    for (const { node } of listed.data!.clients.edges) {
      for (const day of ['01', '02', '03']) {
        const res = await graph.gql(
          'mutation($input: ConsultationInput!) { recordConsultation(input: $input) { id } }',
          {
            input: {
              clientId: node.id,
              type: 'CHAT',
              fee: '1.00',
              date: `2026-01-${day}T00:00:00Z`,
            },
          },
          { token: astro.accessToken },
        );
        expect(res.errors).toBeUndefined();
      }
    }
    const count = async (first: number) => {
      graph.reset();
      const res = await graph.gql<{ clients: { edges: unknown[] } }>(
        CHILDREN,
        { first },
        {
          token: astro.accessToken,
        },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.clients.edges).toHaveLength(first);
      const withConsultations = res.data!.clients.edges.filter(
        (e) =>
          (e as { node: { consultations: { totalCount: number } } }).node.consultations
            .totalCount === 3,
      );
      expect(withConsultations).toHaveLength(Math.min(first, 3));
      return graph.clientsSql.length;
    };
    expect(await count(50)).toBe(await count(1));
  });

  /**
   * The plan of the clients statement the subgraph really sent, as the clients role under the
   * tenant. The table is small, so sequential scans are switched off, as real volumes would.
   */
  async function planOf(variables: Record<string, unknown>, expectedCount: number) {
    graph.reset();
    const res = await graph.gql<{ clients: { totalCount: number } }>(LIST, variables, {
      token: astro.accessToken,
    });
    expect(res.data?.clients.totalCount).toBe(expectedCount);
    // A filtered list gathers its matches (and counts them) in one statement.
    const sent = graph.clientsSql.find((s) => s.sql.includes('WITH matches AS MATERIALIZED'));
    if (!sent) throw new Error('the list query was not seen');
    const urls = inject('databaseUrls');
    const owner = new pg.Client({ connectionString: urls.owner });
    await owner.connect();
    // Fresh statistics (also the GIN indexes' own), as autovacuum keeps them on a live table.
    await owner.query('VACUUM ANALYZE app_clients.clients');
    await owner.end();
    const db = new pg.Client({ connectionString: urls.clients });
    await db.connect();
    try {
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [astro.id]);
      await db.query('SET LOCAL enable_seqscan = off');
      const { rows } = await db.query<{ 'QUERY PLAN': unknown }>(
        `EXPLAIN (FORMAT JSON) ${sent.sql}`,
        JSON.parse(sent.params) as unknown[],
      );
      return JSON.stringify(rows[0]?.['QUERY PLAN']);
    } finally {
      await db.query('ROLLBACK');
      await db.end();
    }
  }

  it('answers the tags filter from the GIN index, under row-level security', async () => {
    const plan = await planOf({ first: 20, tags: ['VIP', 'gin'] }, 5);
    expect(plan).toContain('"Index Name":"clients_tenant_id_tags_idx"');
  });

  it('lets search and tags use their indexes under row-level security (leakproof operators)', async () => {
    // Without LEAKPROOF, PostgreSQL cannot use an index for a query condition on a table with
    // row-level security (see the leakproof_search_operators migration).
    const db = new pg.Client({ connectionString: inject('databaseUrls').clients });
    await db.connect();
    try {
      const { rows } = await db.query<{ name: string; leakproof: boolean }>(
        `SELECT proname::text AS name, proleakproof AS leakproof FROM pg_proc
          WHERE oid IN ('pg_catalog.jsonb_contains(jsonb, jsonb)'::regprocedure,
                        'pg_catalog.texticlike(text, text)'::regprocedure)
          ORDER BY 1`,
      );
      expect(rows).toEqual([
        { name: 'jsonb_contains', leakproof: true },
        { name: 'texticlike', leakproof: true },
      ]);
    } finally {
      await db.end();
    }
  });
});
