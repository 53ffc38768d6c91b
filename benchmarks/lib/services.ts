// The graph as `npm start` runs it, one process per service, on a throwaway embedded
// PostgreSQL with pg_stat_statements: so that CPU, memory and SQL statements can be read per
// process and per service role.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSigningKey, newGatewaySecret } from '@grahvani/shared';
import pg from 'pg';
import { composeSupergraph } from '../../gateway/src/compose.ts';
import { prepareDatabase, resolveServiceUrls } from '../../scripts/lib/database.ts';
import { findFreePort, startTestDatabase, withDatabase } from '@grahvani/testkit/database';
import {
  startServiceProcess,
  stopServiceProcess,
  type ServiceProcess,
} from '../../tests/helpers/serviceProcess.ts';
import { childrenOf, parentOf, type ProcessGroup } from './procStats.ts';

export type Service = 'auth' | 'users' | 'clients';
export const SERVICES: Service[] = ['auth', 'users', 'clients'];

export interface BenchStack {
  gatewayUrl: string;
  subgraphUrls: Record<Service, string>;
  supergraphPath: string;
  gatewaySecret: string;
  /** Owner connection (statistics, fixtures). */
  owner: pg.Client;
  databaseUrls: Record<Service, string>;
  /** gateway, auth, users, clients and postgres, for /proc sampling. */
  groups: ProcessGroup[];
  gatewayPid: number;
  /** SQL statements run so far by each service's role (pg_stat_statements). */
  statements(): Promise<Record<Service, number>>;
  /** Seconds from spawning each service (gateway, auth, users, clients) to its /health. */
  startSeconds: Record<string, number>;
  close(): Promise<void>;
}

/** How the services run: from source under tsx (development) or built by `npm run build`. */
export type Runner = 'tsx' | 'compiled';

/** `subgraphs/auth/src/index.ts` → `subgraphs/auth/dist/index.js` when compiled. */
const entryFor = (source: string, runner: Runner) =>
  runner === 'compiled' ? source.replace('/src/index.ts', '/dist/index.js') : source;

/**
 * Starts PostgreSQL, migrates, and starts the three subgraphs and our gateway as processes.
 * `nodeArgs` go to every service, `gatewayNodeArgs` to the gateway only.
 */
export async function startBenchStack(
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
  runner: Runner = 'tsx',
  gatewayNodeArgs: string[] = [],
): Promise<BenchStack> {
  const server = await startTestDatabase({
    postgresFlags: [
      '-c',
      'shared_preload_libraries=pg_stat_statements',
      '-c',
      'max_connections=200',
    ],
  });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE grahvani');
  await admin.end();
  const ownerUrl = withDatabase(server.url, 'grahvani');
  const databaseUrls = resolveServiceUrls(ownerUrl, {}, 'test');
  await prepareDatabase(ownerUrl, databaseUrls);
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  await owner.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const { rows } = await owner.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const postmaster = parentOf(rows[0]?.pid ?? 0);
  const roles = Object.fromEntries(
    SERVICES.map((service) => [service, new URL(databaseUrls[service]).username]),
  ) as Record<Service, string>;

  const dir = await mkdtemp(path.join(tmpdir(), 'grahvani-bench-'));
  const ports = {
    auth: await findFreePort(),
    users: await findFreePort(),
    clients: await findFreePort(),
    gateway: await findFreePort(),
  };
  const subgraphUrls = Object.fromEntries(
    SERVICES.map((service) => [service, `http://127.0.0.1:${ports[service]}/graphql`]),
  ) as Record<Service, string>;
  const supergraphPath = path.join(dir, 'supergraph.graphql');
  await writeFile(supergraphPath, composeSupergraph(subgraphUrls).supergraphSdl);
  const gatewaySecret = newGatewaySecret('bench-');
  const base: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    RATE_LIMITS: 'off',
    JWT_PRIVATE_KEYS: JSON.stringify([await generateSigningKey('bench-')]),
    GATEWAY_SECRET: gatewaySecret,
    MAIL_DIR: path.join(dir, 'mail'),
    JWKS_URL: `http://127.0.0.1:${ports.auth}/.well-known/jwks.json`,
    AUTH_DATABASE_URL: databaseUrls.auth,
    USERS_DATABASE_URL: databaseUrls.users,
    CLIENTS_DATABASE_URL: databaseUrls.clients,
    ...env,
  };
  const processes: ServiceProcess[] = [];
  const startSeconds: Record<string, number> = {};
  const start = async (
    entry: string,
    port: number,
    extra: Record<string, string> = {},
    extraNodeArgs: string[] = [],
  ) => {
    const started = performance.now();
    const service = await startServiceProcess(
      entryFor(entry, runner),
      port,
      { ...base, ...extra },
      120_000,
      [...nodeArgs, ...extraNodeArgs],
    );
    startSeconds[entry.split('/').at(-3) ?? entry] = (performance.now() - started) / 1000;
    processes.push(service);
    return service;
  };
  try {
    const auth = await start('subgraphs/auth/src/index.ts', ports.auth);
    const [users, clients] = await Promise.all([
      start('subgraphs/users/src/index.ts', ports.users),
      start('subgraphs/clients/src/index.ts', ports.clients),
    ]);
    const gateway = await start(
      'gateway/src/index.ts',
      ports.gateway,
      {
        SUPERGRAPH_PATH: supergraphPath,
        AUTH_SUBGRAPH_URL: subgraphUrls.auth,
        USERS_SUBGRAPH_URL: subgraphUrls.users,
        CLIENTS_SUBGRAPH_URL: subgraphUrls.clients,
      },
      gatewayNodeArgs,
    );
    const one = (name: string, service: ServiceProcess): ProcessGroup => ({
      name,
      pids: () => (service.child.pid ? [service.child.pid] : []),
    });
    return {
      gatewayUrl: gateway.url,
      subgraphUrls,
      supergraphPath,
      gatewaySecret,
      owner,
      databaseUrls,
      gatewayPid: gateway.child.pid ?? 0,
      startSeconds,
      groups: [
        one('gateway', gateway),
        one('auth', auth),
        one('users', users),
        one('clients', clients),
        { name: 'postgres', pids: () => [postmaster, ...childrenOf(postmaster)] },
      ],
      async statements() {
        const { rows: counts } = await owner.query<{ role: string; calls: string }>(
          `SELECT r.rolname AS role, sum(s.calls)::text AS calls
             FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid GROUP BY r.rolname`,
        );
        const byRole = new Map(counts.map((row) => [row.role, Number(row.calls)]));
        return Object.fromEntries(
          SERVICES.map((service) => [service, byRole.get(roles[service]) ?? 0]),
        ) as Record<Service, number>;
      },
      async close() {
        for (const service of processes.reverse()) await stopServiceProcess(service, 'SIGTERM');
        await owner.end().catch(() => undefined);
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    for (const service of processes) await stopServiceProcess(service);
    await owner.end().catch(() => undefined);
    await server.stop();
    throw err;
  }
}
