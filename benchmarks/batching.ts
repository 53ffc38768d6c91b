// Part of `npm run bench`: the whole graph in one process (tests' stack) on a throwaway
// embedded PostgreSQL, measured side by side. Absolute times vary by machine; the ratios are
// the point.
//  - batching: a page of 100 clients with owner -> account vs a page of 1 (SQL statements
//    per service and latency ratio; DataLoader keeps statements constant);
//  - gateway overhead: `me { email }` through the gateway vs straight to the auth subgraph.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBenchDatabase } from './lib/database.ts';
import { withTenant } from '../subgraphs/clients/src/db.ts';
import { registerAccount } from '../tests/fixtures/accounts.ts';
import { startStack } from '../tests/helpers/stack.ts';

type Service = 'auth' | 'users' | 'clients';
const ROUNDS = 60;

/** Runs the figures; returns them as Markdown lines. */
export async function runBatching(): Promise<string> {
  const { server, databaseUrls } = await startBenchDatabase();

  const counts: Record<Service, number> = { auth: 0, users: 0, clients: 0 };
  // Outside vitest: the stack's mail goes to a directory of the benchmark's own, removed at the end.
  const mailDir = await mkdtemp(path.join(tmpdir(), 'grahvani-bench-mail-'));
  const stack = await startStack({
    databaseUrls,
    env: { MAIL_DIR: mailDir },
    onQuery: (service) => counts[service]++,
  });

  async function median(run: () => Promise<unknown>): Promise<number> {
    for (let i = 0; i < 5; i++) await run(); // warm-up: query plans, JIT, connections
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] ?? NaN;
  }

  async function statementsOf(run: () => Promise<unknown>) {
    counts.auth = counts.users = counts.clients = 0;
    await run();
    return { ...counts };
  }

  try {
    const astro = await registerAccount(stack, { name: 'Bench Astrologer' });
    // Under the tenant, as row-level security demands.
    await withTenant(stack.db.clients, astro.id, (tx) =>
      tx.client.createMany({
        data: Array.from({ length: 100 }, (_, i) => ({ tenantId: astro.id, name: `Client ${i}` })),
      }),
    );
    const page = (first: number) => () =>
      stack.gql(
        `query ($first: Int) { clients(first: $first) { edges { node { id name owner { name account { email } } } } } }`,
        { first },
        { token: astro.accessToken },
      );
    const one = { ms: await median(page(1)), sql: await statementsOf(page(1)) };
    const hundred = { ms: await median(page(100)), sql: await statementsOf(page(100)) };

    const direct = stack.subgraph('auth');
    const viaGateway = await median(() =>
      stack.gql('{ me { email } }', {}, { token: astro.accessToken }),
    );
    const toSubgraph = await median(() =>
      direct.gql('{ me { email } }', {}, { token: astro.accessToken }),
    );

    const fmt = (sql: Record<Service, number>) =>
      `auth ${sql.auth}, users ${sql.users}, clients ${sql.clients}`;
    const lines = [
      `rounds per figure: ${ROUNDS} (median), one request at a time`,
      `clients page of 1   : ${one.ms.toFixed(2)} ms; SQL statements ${fmt(one.sql)}`,
      `clients page of 100 : ${hundred.ms.toFixed(2)} ms; SQL statements ${fmt(hundred.sql)}`,
      `ratio 100/1         : ${(hundred.ms / one.ms).toFixed(2)}x time, same statements: ${JSON.stringify(one.sql) === JSON.stringify(hundred.sql)}`,
      `me via gateway      : ${viaGateway.toFixed(2)} ms`,
      `me on auth directly : ${toSubgraph.toFixed(2)} ms`,
      `gateway overhead    : ${(viaGateway / toSubgraph).toFixed(2)}x`,
    ];
    for (const line of lines) console.log(line);
    return ['```', ...lines, '```'].join('\n');
  } finally {
    await stack.close();
    await server.stop();
    await rm(mailDir, { recursive: true, force: true });
  }
}
