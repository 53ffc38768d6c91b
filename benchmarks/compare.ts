// Our gateway and Hive Gateway side by side, over the same supergraph, subgraph processes and
// database: throughput and latency, CPU per request of every process, SQL statements per
// request of every subgraph, for the contract's hot operations, with distinct signed-in users
// per connection and with identical requests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchArgs } from './lib/args.ts';
import { createBenchData, OPERATIONS, type BenchData } from './lib/fixtures.ts';
import { startHiveGateway } from './lib/hiveGateway.ts';
import { runLoad, type ConnectionRequest, type LoadResult } from './lib/load.ts';
import { summarizeProfiles } from './lib/profile.ts';
import { cpuBetween, memoryMiB, sampleCpu, type ProcessGroup } from './lib/procStats.ts';
import { fixed, table } from './lib/report.ts';
import { SERVICES, startBenchStack, type BenchStack, type Service } from './lib/services.ts';

const CLIENTS_PER_ASTROLOGER = 20;

const describe = (kinds: Record<string, number>) =>
  Object.entries(kinds)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');

export interface Measurement extends LoadResult {
  operation: string;
  mode: 'distinct' | 'identical';
  gateway: string;
  /** CPU ms per request by process group. */
  cpu: Record<string, number>;
  /** SQL statements per request by subgraph. */
  sql: Record<Service, number>;
}

/** Seconds of unmeasured load per operation and gateway before the figures. */
const WARM_UP_SECONDS = 3;

async function measure(
  stack: BenchStack,
  groups: ProcessGroup[],
  url: string,
  perConnection: ConnectionRequest[],
  args: BenchArgs,
  durationFactor = 1,
) {
  // Warm-up: JIT, query plans, connection pools.
  await runLoad({ url, perConnection, connections: args.connections, durationSeconds: 1 });
  const statementsBefore = await stack.statements();
  const cpuBefore = sampleCpu(groups);
  const result = await runLoad({
    url,
    perConnection,
    connections: args.connections,
    durationSeconds: args.durationSeconds * durationFactor,
  });
  const cpuAfter = sampleCpu(groups);
  const statementsAfter = await stack.statements();
  const per = (value: number) => (result.requests ? value / result.requests : NaN);
  const spent = cpuBetween(cpuBefore, cpuAfter);
  return {
    ...result,
    cpu: Object.fromEntries(Object.entries(spent).map(([name, ms]) => [name, per(ms)])),
    sql: Object.fromEntries(
      SERVICES.map((service) => [
        service,
        per(statementsAfter[service] - statementsBefore[service]),
      ]),
    ) as Record<Service, number>,
  };
}

/** Runs every figure; returns the Markdown section (also printed as it goes). */
export async function runComparison(args: BenchArgs): Promise<string> {
  const profileDir = args.flags.has('--profile')
    ? await mkdtemp(path.join(tmpdir(), 'grahvani-bench-prof-'))
    : undefined;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const stack = await startBenchStack({}, nodeArgs);
  const hive = args.flags.has('--no-hive')
    ? undefined
    : await startHiveGateway(stack.supergraphPath, stack.gatewaySecret, nodeArgs);
  const pidNames = new Map<number, string>();
  for (const group of stack.groups) for (const pid of group.pids()) pidNames.set(pid, group.name);
  if (hive?.child.pid) pidNames.set(hive.child.pid, 'Hive Gateway');
  let section: string;
  let loadFromUs: number | undefined;
  try {
    console.log(
      `creating ${args.connections} astrologers with ${CLIENTS_PER_ASTROLOGER} clients each`,
    );
    const data: BenchData = await createBenchData(
      stack.gatewayUrl,
      stack.databaseUrls.clients,
      args.connections,
      CLIENTS_PER_ASTROLOGER,
    );
    const [ourGateway, ...rest] = stack.groups;
    const gateways = [
      { name: 'ours', url: stack.gatewayUrl, group: ourGateway! },
      ...(hive
        ? [
            {
              name: 'Hive',
              url: hive.url,
              group: { name: 'gateway', pids: () => (hive.child.pid ? [hive.child.pid] : []) },
            },
          ]
        : []),
    ];
    const results: Measurement[] = [];
    loadFromUs = Number(process.hrtime.bigint() / 1000n);
    const only = args.only;
    const operations = OPERATIONS.filter((op) => !only || op.name.includes(only));
    // Every code path through both gateways before anything is measured: otherwise the gateway
    // measured first on an operation pays the subgraphs' JIT and plan warm-up for both (the
    // subgraphs' CPU per request read up to 30 % higher behind whichever went first). Login
    // is left out: its extra sign-ins would count against the auth service's login limits.
    for (const operation of operations.filter((op) => !op.durationFactor)) {
      const requests = data.astrologers.map((a) => operation.requestOf(a, data));
      for (const gateway of gateways) {
        await runLoad({
          url: gateway.url,
          perConnection: requests,
          connections: args.connections,
          durationSeconds: WARM_UP_SECONDS,
        });
      }
    }
    let figure = 0;
    for (const operation of operations) {
      for (const mode of ['distinct', 'identical'] as const) {
        const requests = data.astrologers.map((a) => operation.requestOf(a, data));
        const perConnection = mode === 'distinct' ? requests : requests.slice(0, 1);
        // Which gateway goes first alternates from one figure to the next.
        const order = figure++ % 2 === 0 ? gateways : [...gateways].reverse();
        const rows: Measurement[] = [];
        for (const gateway of order) {
          const m = await measure(
            stack,
            [gateway.group, ...rest],
            gateway.url,
            perConnection,
            args,
            operation.durationFactor,
          );
          const row: Measurement = { operation: operation.name, mode, gateway: gateway.name, ...m };
          rows.push(row);
          console.log(
            `${row.operation.padEnd(24)} ${mode.padEnd(9)} ${gateway.name.padEnd(4)} ` +
              `${fixed(row.rps).padStart(7)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  ` +
              `errors ${row.errors} ${describe(row.errorKinds)}  gateway CPU ${fixed(row.cpu.gateway ?? NaN, 2)} ms/req`,
          );
        }
        // The tables list ours first whichever ran first.
        for (const gateway of gateways)
          results.push(...rows.filter((r) => r.gateway === gateway.name));
      }
    }
    const peaks = [
      ...stack.groups.map((group) => [
        group.name === 'gateway' ? 'gateway (ours)' : group.name,
        group,
      ]),
      ...(hive ? [['gateway (Hive)', gateways[1]!.group]] : []),
    ] as [string, ProcessGroup][];
    const memory = peaks.map(([name, group]) => {
      const pids = group.pids();
      // PostgreSQL: the postmaster and its backends share memory; the largest one is shown.
      const peak = Math.max(...pids.map((pid) => memoryMiB(pid).peak));
      return [name, fixed(peak, 0)];
    });
    section = [
      `${args.connections} connections, ${args.durationSeconds} s per figure after a 1 s warm-up, ` +
        `every operation (Login apart) first run ${WARM_UP_SECONDS} s through each gateway, and which ` +
        `gateway goes first alternating from figure to figure; ` +
        `distinct: each connection signed in as its own astrologer (${CLIENTS_PER_ASTROLOGER} ` +
        `clients each); identical: every connection sends the first connection's request.`,
      '',
      '### Throughput and latency',
      '',
      table(
        ['operation', 'run', 'gateway', 'req/s', 'p50 ms', 'p99 ms', 'errors'],
        results.map((r) => [
          r.operation,
          r.mode,
          r.gateway,
          fixed(r.rps),
          r.p50,
          r.p99,
          r.errors ? `${r.errors} (${describe(r.errorKinds)})` : 0,
        ]),
      ),
      '',
      '### CPU ms per request by process, SQL statements per request by subgraph',
      '',
      table(
        [
          'operation',
          'run',
          'gateway',
          'gateway CPU',
          'auth',
          'users',
          'clients',
          'postgres',
          'total',
          'SQL auth',
          'SQL users',
          'SQL clients',
        ],
        results.map((r) => {
          const total = Object.values(r.cpu).reduce((sum, ms) => sum + ms, 0);
          return [
            r.operation,
            r.mode,
            r.gateway,
            fixed(r.cpu.gateway ?? NaN, 2),
            fixed(r.cpu.auth ?? NaN, 2),
            fixed(r.cpu.users ?? NaN, 2),
            fixed(r.cpu.clients ?? NaN, 2),
            fixed(r.cpu.postgres ?? NaN, 2),
            fixed(total, 2),
            fixed(r.sql.auth, 2),
            fixed(r.sql.users, 2),
            fixed(r.sql.clients, 2),
          ];
        }),
      ),
      '',
      '### Peak RSS (MiB, VmHWM) at the end of the run',
      '',
      table(['process', 'peak RSS'], memory),
    ].join('\n');
  } finally {
    if (hive) {
      hive.child.kill('SIGTERM');
      await hive.exited;
    }
    await stack.close();
  }
  if (!profileDir) return section;
  const profiles = summarizeProfiles(profileDir, pidNames, loadFromUs ?? 0);
  console.log(profiles);
  await rm(profileDir, { recursive: true, force: true });
  return `${section}\n\n### CPU profiles over the whole run (node --cpu-prof, self time)\n\n${profiles}`;
}
