// Query plans at 20,000 clients (imported through the real import path, see
// tests/helpers/clientBook.ts), not on an empty table: the statements the clients subgraph
// really sends for each list operation are EXPLAINed as the clients role under the tenant,
// with the planner free to choose (sequential scans allowed), after ANALYZE as autoanalyze
// would have run it but before any VACUUM: the state a book is in the minute after its import
// (a VACUUM merges GIN pending lists and refreshes the indexes' statistics, and hid a search
// planned as a sequential scan of every tenant's rows until autovacuum came by). Each list must be served by its index, deep pages must start at their
// cursor, and counts must be skipped when not selected and read from the maintained counters
// when nothing or a single tag is filtered.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  op,
  registerAstrologer,
  startCountingGraph,
  type CountingGraph,
} from './fixtures/clients.ts';
import type { TestAccount } from './fixtures/accounts.ts';
import { asOwner, importClientBook, seedClientRecords } from './helpers/clientBook.ts';
import { executedPlan, nodesOf, type PlanNode } from './helpers/plans.ts';
import type { GraphQLResponse } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const BOOK = 20_000;

describe(`query plans at ${BOOK} clients`, () => {
  let stack: Stack;
  let graph: CountingGraph;
  let astro: TestAccount;
  let clientId: string;

  beforeAll(async () => {
    stack = await startStack({ env: { CLIENT_IMPORT_CHUNK_ROWS: '1000' } });
    graph = await startCountingGraph(stack);
    astro = await registerAstrologer(stack, 'Scale Astrologer');
    await importClientBook(stack, astro.accessToken, BOOK, { pollMs: 100 });
    const first = await stack.gql<{ clients: { edges: { node: { id: string } }[] } }>(
      '{ clients(first: 1) { edges { node { id } } } }',
      {},
      { token: astro.accessToken },
    );
    clientId = first.data?.clients.edges[0]?.node.id ?? '';
    await asOwner(inject('databaseUrls').owner, async (db) => {
      await seedClientRecords(db, astro.id, clientId, BOOK);
      await db.query(
        'ANALYZE app_clients.clients, app_clients.client_consultations, app_clients.client_activity_logs, app_clients.client_counts, app_clients.client_tag_counts',
      );
    });
  }, 300_000);
  afterAll(async () => {
    await graph?.close();
    await stack?.close();
  });

  /** Runs `query` through the counting graph; returns the SQL the clients subgraph sent. */
  async function sent(query: string, variables: Record<string, unknown>) {
    graph.reset();
    const res = await graph.gql(query, variables, { token: astro.accessToken });
    expect(res.errors).toBeUndefined();
    return graph.clientsSql.filter(
      (s) => /^\s*(SELECT|WITH)/.test(s.sql) && !s.sql.includes('set_config'),
    );
  }

  /** The executed plan (EXPLAIN ANALYZE) of a statement, as the clients role under the tenant. */
  const planOf = (statement: { sql: string; params: string }) =>
    executedPlan(inject('databaseUrls').clients, statement, astro.id);

  const onClients = (s: { sql: string }) => /FROM "app_clients"\."clients" WHERE/.test(s.sql);
  const isCount = (s: { sql: string }) => /^SELECT COUNT\(/i.test(s.sql);
  const indexesOf = (nodes: PlanNode[]) => nodes.flatMap((n) => n['Index Name'] ?? []);
  const seqScansOf = (nodes: PlanNode[]) =>
    nodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']);

  it('lists the first page from the (tenant, created_at, id) index and counts from the counter', async () => {
    const statements = await sent(op('MyClients'), { first: 20 });
    const list = statements.find(onClients);
    expect(list).toBeDefined();
    const nodes = await planOf(list!);
    expect(indexesOf(nodes)).toContain('clients_tenant_id_created_at_id_idx');
    expect(seqScansOf(nodes)).toEqual([]);
    // totalCount: the counter row, not a COUNT over the book.
    expect(statements.filter(isCount)).toEqual([]);
    const counter = statements.find((s) => s.sql.includes('"app_clients"."client_counts"'));
    const relations = (await planOf(counter!)).flatMap((n) => n['Relation Name'] ?? []);
    expect(relations).toEqual(['client_counts']);
  });

  it('counts nothing when totalCount is not selected', async () => {
    for (const filter of ['', '(tags: ["t3"])', '(search: "Client 1-12")']) {
      const statements = await sent(`{ clients${filter} { edges { node { id } } } }`, {});
      expect(statements.length).toBeGreaterThan(0);
      for (const statement of statements)
        expect(statement.sql).not.toMatch(/count\(|client_counts/i);
    }
  });

  it('starts a deep page (page 50 of 100) at its cursor, not by reading the pages before it', async () => {
    let after: string | null = null;
    for (let page = 1; page < 50; page++) {
      const res: GraphQLResponse<{ clients: { pageInfo: { endCursor: string } } }> =
        await stack.gql(op('MyClients'), { first: 100, after }, { token: astro.accessToken });
      after = res.data?.clients.pageInfo.endCursor ?? null;
    }
    const list = (await sent(op('MyClients'), { first: 100, after })).find(onClients);
    const nodes = await planOf(list!);
    const scan = nodes.find((n) => n['Index Name'] === 'clients_tenant_id_created_at_id_idx');
    expect(scan?.['Index Cond']).toMatch(/created_at/);
    // At most the page (and the rows sharing its first created_at): not the 4,900 before it.
    expect((scan?.['Actual Rows'] ?? 0) + (scan?.['Rows Removed by Filter'] ?? 0)).toBeLessThan(
      1_200,
    );
  });

  /**
   * The filtered list's statements: the one that gathers, counts and pages the matches, whose
   * plan must use `indexes` and scan nothing sequentially, and the fetch of the page by id.
   */
  async function filteredPlans(variables: Record<string, unknown>, indexes: string[]) {
    const statements = await sent(op('MyClients'), { first: 20, ...variables });
    expect(statements.filter(isCount)).toEqual([]);
    const matches = statements.find((s) => s.sql.includes('WITH matches AS MATERIALIZED'));
    expect(matches?.sql).toMatch(/count\(\*\)/);
    const nodes = await planOf(matches!);
    expect(indexesOf(nodes)).toEqual(expect.arrayContaining(indexes));
    expect(seqScansOf(nodes)).toEqual([]);
    const byIds = statements.filter(onClients);
    expect(byIds).toHaveLength(1);
    expect(seqScansOf(await planOf(byIds[0]!))).toEqual([]);
  }

  it('answers search from the trigram indexes: the matches, counted and paged in one statement', async () => {
    await filteredPlans({ search: 'Client 1-12' }, [
      'clients_tenant_id_name_trgm_idx',
      'clients_tenant_id_email_trgm_idx',
      'clients_tenant_id_phone_trgm_idx',
    ]);
  });

  it('answers several tags from the GIN index: the matches, counted and paged in one statement', async () => {
    await filteredPlans({ tags: ['t0', 'vip'] }, ['clients_tenant_id_tags_idx']);
  });

  /** The statement of a one-tag list (taggedPage.ts) and its plan. */
  async function taggedPlan(tag: string) {
    const statements = await sent(op('MyClients'), { first: 20, tags: [tag] });
    expect(statements.filter(isCount)).toEqual([]);
    const tagged = statements.find((s) => s.sql.includes('client_tag_counts'));
    const nodes = await planOf(tagged!);
    // The count: the counter row, no clients row read, nothing counted.
    const count = nodes.find((n) => n['Subplan Name'] === 'CTE t');
    expect(nodesOf(count!).flatMap((n) => n['Relation Name'] ?? [])).toEqual(['client_tag_counts']);
    expect(nodes.filter((n) => n['Node Type'] === 'Aggregate')).toEqual([]);
    const walk = nodes.find((n) => n['Index Name'] === 'clients_tenant_id_created_at_id_idx');
    return { statements, walk };
  }

  it('counts one tag (2,000 matches) from its counter and pages it by a short walk, not the matches', async () => {
    const { statements, walk } = await taggedPlan('t3');
    // One client in ten holds t3: about 210 rows walked for 21, not the 2,000 matches.
    expect(walk?.['Actual Rows']).toBeGreaterThan(0);
    expect(walk?.['Actual Rows']).toBeLessThan(500);
    expect(statements.some((s) => s.sql.includes('WITH matches AS MATERIALIZED'))).toBe(false);
    expect(statements.filter(onClients)).toHaveLength(1);
  });

  it('counts a rarer tag (400 matches) from its counter and gathers its page from the GIN index', async () => {
    const { statements, walk } = await taggedPlan('vip');
    expect(walk?.['Actual Loops'] ?? 0).toBe(0);
    const matches = statements.find((s) => s.sql.includes('WITH matches AS MATERIALIZED'));
    expect(matches?.sql).not.toMatch(/count\(/i);
    expect(indexesOf(await planOf(matches!))).toContain('clients_tenant_id_tags_idx');
  });

  it("pages a client's consultations and activity by index; counts only what is selected", async () => {
    const consultations = await sent(
      `query ($id: ID!) { client(id: $id) { consultations(first: 10) { totalCount edges { node { id } } } activity(first: 10) { edges { node { id } } } } }`,
      { id: clientId },
    );
    const pages = consultations.filter((s) => s.sql.includes('CROSS JOIN LATERAL'));
    expect(pages).toHaveLength(2);
    const used = (await Promise.all(pages.map(planOf))).flatMap(indexesOf);
    expect(used).toEqual(
      expect.arrayContaining([
        'client_consultations_tenant_id_client_id_date_id_idx',
        'client_activity_logs_client_id_created_at_id_idx',
      ]),
    );
    // One count (consultations' totalCount is selected, activity's is not).
    expect(consultations.filter(isCount)).toHaveLength(1);
    expect(consultations.filter(isCount)[0]?.sql).toMatch(/client_consultations/);
  });
});
