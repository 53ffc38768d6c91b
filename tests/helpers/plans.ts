// EXPLAIN (ANALYZE) of a statement a subgraph really sent (captured from Prisma's query events),
// run as that subgraph's database role, for the plan tests at real volumes.
import pg from 'pg';

/** One node of an EXPLAIN (FORMAT JSON) plan, the fields the plan tests read. */
export interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Index Cond'?: string;
  'Actual Rows'?: number;
  'Rows Removed by Filter'?: number;
  'Subplan Name'?: string;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

/** A plan node and all the nodes below it, depth first. */
export const nodesOf = (node: PlanNode): PlanNode[] => [
  node,
  ...(node.Plans ?? []).flatMap(nodesOf),
];

/**
 * The executed plan's nodes of `statement` (SQL and its JSON-encoded parameters), as the role
 * of `databaseUrl`; under `tenantId` (the clients subgraph's row-level security) when given.
 * Rolled back: nothing the statement writes stays.
 */
export async function executedPlan(
  databaseUrl: string,
  statement: { sql: string; params: string },
  tenantId?: string,
): Promise<PlanNode[]> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    if (tenantId) await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const { rows } = await db.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`,
      JSON.parse(statement.params) as unknown[],
    );
    const plan = rows[0]?.['QUERY PLAN'][0]?.Plan;
    if (!plan) throw new Error('no plan');
    return nodesOf(plan);
  } finally {
    await db.query('ROLLBACK');
    await db.end();
  }
}
