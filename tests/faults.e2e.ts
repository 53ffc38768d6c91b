// Faults, as they happen in production: a hung subgraph, a killed one, SIGTERM under load on a
// subgraph and on the gateway, PostgreSQL killed under a stream of writes, and a steady load.
// Subgraphs and gateways that receive signals run as their own processes.
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { createLogger, type HttpService } from '@grahvani/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { composeSupergraph } from '../gateway/src/compose.ts';
import { loadConfig as loadGatewayConfig } from '../gateway/src/config.ts';
import { createGateway } from '../gateway/src/server.ts';
import { createClient, op, registerAstrologer } from './fixtures/clients.ts';
import type { TestAccount } from './fixtures/accounts.ts';
import { findFreePort } from './helpers/embedded-db.ts';
import {
  createGraphQLClient,
  type GraphQLClient,
  type GraphQLResponse,
} from './helpers/graphql.ts';
import { startKillableDatabase } from './helpers/killable-db.ts';
import {
  startServiceProcess,
  stopServiceProcess,
  type ServiceProcess,
} from './helpers/serviceProcess.ts';
import { startStack, type Stack } from './helpers/stack.ts';

type SubgraphName = 'auth' | 'users' | 'clients';

interface TestGateway extends GraphQLClient {
  url: string;
  close(): Promise<void>;
}

/** A gateway in this process whose subgraph URLs may point elsewhere than the stack's. */
async function startGateway(
  stack: Stack,
  urls: Partial<Record<SubgraphName, string>>,
  env: Record<string, string> = {},
): Promise<TestGateway> {
  const subgraphUrls = { ...stack.subgraphUrls, ...urls };
  const config = loadGatewayConfig({
    ...stack.env,
    AUTH_SUBGRAPH_URL: subgraphUrls.auth,
    USERS_SUBGRAPH_URL: subgraphUrls.users,
    CLIENTS_SUBGRAPH_URL: subgraphUrls.clients,
    ...env,
  });
  const service: HttpService = await createGateway({
    config,
    logger: createLogger('test', 'silent'),
    supergraphSdl: composeSupergraph(subgraphUrls).supergraphSdl,
  });
  const url = await service.listen(0);
  return { ...createGraphQLClient(url), url, close: () => service.close() };
}

/** A TCP server that accepts connections and never answers: a hung process. */
async function startHungServer(): Promise<{ url: string; port: number; close(): void }> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    close() {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

const ME_AND_CLIENTS = '{ me { email profile { clientCount } } }';

interface Outcome {
  started: number;
  ended: number;
  status?: number;
  codes: unknown[];
  /** The request itself failed (no HTTP answer). */
  transport?: string;
  response?: GraphQLResponse<Record<string, unknown>>;
}

/** Sends `send` in `concurrency` loops until `until()` is true; returns every outcome. */
async function load(
  concurrency: number,
  until: () => boolean,
  send: (worker: number) => Promise<GraphQLResponse<Record<string, unknown>>>,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (!until()) {
        const started = Date.now();
        try {
          const response = await send(worker);
          const codes = (response.errors ?? []).map((e) => e.extensions?.code);
          outcomes.push({ started, ended: Date.now(), status: response.status, codes, response });
        } catch (err) {
          outcomes.push({ started, ended: Date.now(), codes: [], transport: String(err) });
        }
      }
    }),
  );
  return outcomes;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `count` statements of the clients service wait for a row lock: in progress. */
async function waitForLockWaiters(owner: pg.Client, count: number, held: Promise<unknown>[]) {
  const answered: unknown[] = [];
  for (const request of held) void request.then((res) => answered.push(res));
  const deadline = Date.now() + 30_000;
  for (;;) {
    // Statistics views are a snapshot per transaction, and `owner` holds one open.
    await owner.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE application_name = 'grahvani-app_clients' AND wait_event_type = 'Lock'`,
    );
    if ((rows[0]?.n ?? 0) >= count) return;
    if (Date.now() > deadline || answered.length > 0) {
      const activity = await owner.query(
        `SELECT state, wait_event_type, wait_event, left(query, 60) AS query FROM pg_stat_activity
          WHERE application_name = 'grahvani-app_clients'`,
      );
      throw new Error(
        `the updates never waited for the lock: ${JSON.stringify({ answered, activity: activity.rows })}`,
      );
    }
    await sleep(50);
  }
}

describe('faults', { timeout: 120_000 }, () => {
  let stack: Stack;
  let account: TestAccount;
  let clientId: string;
  const processes: ServiceProcess[] = [];
  /** Connections holding row locks: ended first in afterAll when a test failed half-way. */
  const lockHolders: pg.Client[] = [];

  beforeAll(async () => {
    stack = await startStack();
    account = await registerAstrologer(stack);
    clientId = (await createClient(stack, account.accessToken)).id;
    await createClient(stack, account.accessToken);
  });
  afterAll(async () => {
    for (const owner of lockHolders) await owner.end().catch(() => {});
    for (const service of processes) await stopServiceProcess(service);
    await stack?.close();
  });

  it('a hung subgraph costs only its fields, within its timeout, and then fails fast', async () => {
    const hung = await startHungServer();
    const gateway = await startGateway(
      stack,
      { clients: hung.url },
      { SUBGRAPH_TIMEOUT_MS_CLIENTS: '1500', SUBGRAPH_BREAKER_MIN_REQUESTS: '3' },
    );
    try {
      const started = Date.now();
      const res = await gateway.gql<{ me: { email: string; profile: { clientCount: null } } }>(
        ME_AND_CLIENTS,
        {},
        { token: account.accessToken },
      );
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(1_400);
      expect(elapsed).toBeLessThan(4_000);
      expect(res.status).toBe(200);
      expect(res.data?.me.email).toBe(account.email);
      expect(res.data?.me.profile).toEqual({ clientCount: null });
      const error = res.errors?.find((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
      expect(error?.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'clients' });
      expect((res as { extensions?: unknown }).extensions).toEqual({
        unavailableSubgraphs: ['clients'],
      });
      const text = JSON.stringify(res);
      expect(text).not.toContain(String(hung.port));
      expect(text).not.toMatch(/127\.0\.0\.1|localhost|stacktrace/);

      // Enough failures open the circuit: the next answers come without waiting for a timeout.
      await Promise.all(
        [1, 2, 3].map(() => gateway.gql(ME_AND_CLIENTS, {}, { token: account.accessToken })),
      );
      const fastStart = Date.now();
      const fast = await gateway.gql(ME_AND_CLIENTS, {}, { token: account.accessToken });
      expect(Date.now() - fastStart).toBeLessThan(1_000);
      expect(fast.errors?.map((e) => e.extensions?.code)).toContain('SUBGRAPH_UNAVAILABLE');
    } finally {
      await gateway.close();
      hung.close();
    }
  });

  describe('a clients subgraph in its own process', () => {
    let port: number;
    let clients: ServiceProcess;
    let gateway: TestGateway;
    const startClients = async () => {
      clients = await startServiceProcess('subgraphs/clients/src/index.ts', port, {
        CLIENTS_DATABASE_URL: inject('databaseUrls').clients,
        JWKS_URL: stack.env.JWKS_URL!,
        GATEWAY_SECRET: stack.env.GATEWAY_SECRET!,
      });
      processes.push(clients);
    };

    beforeAll(async () => {
      port = await findFreePort();
      await startClients();
      gateway = await startGateway(
        stack,
        { clients: clients.url },
        { SUBGRAPH_PROBE_INTERVAL_MS: '1000', SUBGRAPH_TIMEOUT_MS: '5000' },
      );
    });
    afterAll(() => gateway?.close());

    it('killed: partial data, and the graph recovers by itself when it returns', async () => {
      const before = await gateway.gql(ME_AND_CLIENTS, {}, { token: account.accessToken });
      expect(before.errors).toBeUndefined();

      await stopServiceProcess(clients, 'SIGKILL');
      for (let i = 0; i < 6; i++) {
        const res = await gateway.gql<{ me: { email: string } }>(
          ME_AND_CLIENTS,
          {},
          { token: account.accessToken },
        );
        expect(res.status).toBe(200);
        expect(res.data?.me.email).toBe(account.email);
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['SUBGRAPH_UNAVAILABLE']);
      }

      await startClients();
      const returned = Date.now();
      let recovered: GraphQLResponse | undefined;
      while (Date.now() - returned < 15_000) {
        const res = await gateway.gql(ME_AND_CLIENTS, {}, { token: account.accessToken });
        if (!res.errors) {
          recovered = res;
          break;
        }
        await sleep(200);
      }
      expect(recovered?.data).toEqual({
        me: { email: account.email, profile: { clientCount: 2 } },
      });
    });

    it('SIGTERM under load: requests in progress finish, the rest lose only its fields', async () => {
      // Row locks hold three updates inside the subgraph, so they are surely in progress.
      const owner = new pg.Client({ connectionString: inject('databaseUrls').owner });
      await owner.connect();
      lockHolders.push(owner);
      await owner.query('BEGIN');
      await owner.query('SELECT 1 FROM app_clients.clients WHERE id = $1 FOR UPDATE', [clientId]);
      const held = [1, 2, 3].map((n) =>
        gateway.gql<{ updateClient: { id: string } }>(
          op('UpdateClient'),
          { id: clientId, input: { birthPlace: `in flight ${n}` } },
          { token: account.accessToken },
        ),
      );
      let stop = false;
      const background = load(
        5,
        () => stop,
        () => gateway.gql(op('MyClientBook'), { first: 5 }, { token: account.accessToken }),
      );
      await waitForLockWaiters(owner, 3, held);
      clients.child.kill('SIGTERM');
      await sleep(1_000);
      await owner.query('COMMIT');
      const updates = await Promise.all(held);
      const code = await clients.exited;
      stop = true;
      const outcomes = await background;

      for (const update of updates) {
        expect(update.errors, JSON.stringify(update.errors)).toBeUndefined();
        expect(update.data?.updateClient.id).toBe(clientId);
      }
      expect(code).toBe(0);
      expect(outcomes.length).toBeGreaterThan(0);
      for (const outcome of outcomes) {
        expect(outcome.transport).toBeUndefined();
        expect(outcome.status).toBe(200);
        for (const c of outcome.codes) expect(c).toBe('SUBGRAPH_UNAVAILABLE');
      }
    });
  });

  it('SIGTERM on the gateway under load fails no request in progress', async () => {
    const gatewayProcess = await startServiceProcess('gateway/src/index.ts', await findFreePort(), {
      AUTH_SUBGRAPH_URL: stack.subgraphUrls.auth,
      USERS_SUBGRAPH_URL: stack.subgraphUrls.users,
      CLIENTS_SUBGRAPH_URL: stack.subgraphUrls.clients,
      JWKS_URL: stack.env.JWKS_URL!,
      GATEWAY_SECRET: stack.env.GATEWAY_SECRET!,
      SUBGRAPH_TIMEOUT_MS: '30000',
    });
    processes.push(gatewayProcess);
    const gateway = createGraphQLClient(gatewayProcess.url);
    // Warm: the first plan of each operation is slow in a fresh process.
    for (const [query, variables] of [
      [op('MyClientBook'), { first: 5 }],
      [op('UpdateClient'), { id: clientId, input: { birthPlace: 'warm' } }],
    ] as const) {
      expect(
        (await gateway.gql(query, variables, { token: account.accessToken })).errors,
      ).toBeUndefined();
    }
    const owner = new pg.Client({ connectionString: inject('databaseUrls').owner });
    await owner.connect();
    lockHolders.push(owner);
    await owner.query('BEGIN');
    await owner.query('SELECT 1 FROM app_clients.clients WHERE id = $1 FOR UPDATE', [clientId]);
    const held = [1, 2, 3].map((n) =>
      gateway.gql<{ updateClient: { id: string } }>(
        op('UpdateClient'),
        { id: clientId, input: { birthPlace: `through a stopping gateway ${n}` } },
        { token: account.accessToken },
      ),
    );
    let stop = false;
    const background = load(
      5,
      () => stop,
      () => gateway.gql(op('MyClientBook'), { first: 5 }, { token: account.accessToken }),
    );
    await waitForLockWaiters(owner, 3, held);
    const signalled = Date.now();
    gatewayProcess.child.kill('SIGTERM');
    await sleep(1_000);
    await owner.query('COMMIT');
    const updates = await Promise.all(held);
    const code = await gatewayProcess.exited;
    stop = true;
    const outcomes = await background;

    for (const update of updates) {
      expect(update.errors, JSON.stringify(update.errors)).toBeUndefined();
      expect(update.data?.updateClient.id).toBe(clientId);
    }
    expect(code).toBe(0);
    expect(outcomes.filter((o) => o.started < signalled).length).toBeGreaterThan(0);
    for (const outcome of outcomes) {
      // After the signal, a new connection may be refused: the gateway is going away.
      if (outcome.transport !== undefined && outcome.started >= signalled) continue;
      expect(outcome.transport).toBeUndefined();
      expect(outcome.status).toBe(200);
      expect(outcome.codes).toEqual([]);
    }
  });

  it('20 users for 15 s on the hot queries see no error', async () => {
    const users = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const user = await registerAstrologer(stack, `Load ${i}`);
        await createClient(stack, user.accessToken, { tags: ['load'] });
        return user;
      }),
    );
    const queries: [string, Record<string, unknown>][] = [
      [op('MyClientBook'), { first: 10 }],
      [op('MyClients'), { first: 10, tags: ['load'] }],
      ['{ me { email profile { name clientCount } } }', {}],
    ];
    const until = Date.now() + 15_000;
    let sent = 0;
    const outcomes = await load(
      20,
      () => Date.now() > until,
      (worker) => {
        const [query, variables] = queries[sent++ % queries.length]!;
        return stack.gql(query, variables, { token: users[worker]!.accessToken });
      },
    );
    // Every user was served again and again (the figure depends on the machine, not asserted).
    expect(outcomes.length).toBeGreaterThan(60);
    const failed = outcomes.filter((o) => o.transport || o.status !== 200 || o.codes.length);
    expect(failed.map((o) => o.transport ?? o.codes)).toEqual([]);
  });
});

describe('PostgreSQL killed and restarted under a stream of writes', { timeout: 150_000 }, () => {
  it('errs only during the outage, recovers within 15 s and keeps every acknowledged write', async () => {
    const database = await startKillableDatabase();
    let stack: Stack | undefined;
    try {
      stack = await startStack({ databaseUrls: database.urls });
      const graph = stack;
      const account = await registerAstrologer(graph);
      const acknowledged: string[] = [];
      let stop = false;
      const writes = load(
        3,
        () => stop,
        async () => {
          const res = await graph.gql<{ createClient: { id: string } }>(
            op('CreateClient'),
            { input: { name: `Write ${randomUUID().slice(0, 8)}` } },
            { token: account.accessToken },
          );
          if (res.data?.createClient && !res.errors) acknowledged.push(res.data.createClient.id);
          return res;
        },
      );
      await sleep(2_000);
      const killed = Date.now();
      await database.kill();
      await sleep(3_000);
      await database.restart();
      const restarted = Date.now();
      let recovered = 0;
      while (Date.now() - restarted < 20_000) {
        await sleep(250);
        const ok = acknowledged.length;
        await sleep(1_000);
        if (acknowledged.length > ok) {
          recovered = Date.now();
          break;
        }
      }
      await sleep(3_000);
      stop = true;
      const outcomes = await writes;

      expect(recovered).toBeGreaterThan(0);
      expect(recovered - restarted).toBeLessThan(15_000);
      const failures = outcomes.filter((o) => o.transport || o.codes.length > 0);
      expect(failures.length).toBeGreaterThan(0);
      for (const failure of failures) {
        expect(failure.transport).toBeUndefined();
        expect(failure.ended).toBeGreaterThanOrEqual(killed);
        expect(failure.started).toBeLessThan(recovered);
      }
      const stored = await database.query<{ count: string }>(
        'SELECT count(*)::text AS count FROM app_clients.clients WHERE id = ANY($1::uuid[])',
        [acknowledged],
      );
      expect(acknowledged.length).toBeGreaterThan(10);
      expect(Number(stored[0]?.count)).toBe(acknowledged.length);
    } finally {
      await stack?.close();
      await database.stop();
    }
  });
});
