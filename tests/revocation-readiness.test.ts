// A replica that has not loaded the revocation list is not ready (GET /ready 503) and refuses
// requests that carry an access token with SERVICE_UNAVAILABLE (HTTP 503) until it has, since it
// could not tell a revoked token; requests without a token are served. After an outage of the
// auth service (and of the database), reconnect attempts stay one per retry interval: they
// do not multiply. A snapshot without a LISTEN connection is not enough to be ready: what is
// revoked before the connection comes up would be missed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type HttpService } from '@grahvani/shared';
import { loadConfig as loadGatewayConfig } from '../gateway/src/config.ts';
import { composeSupergraph } from '../gateway/src/compose.ts';
import { createGateway } from '../gateway/src/server.ts';
import { loadConfig as loadAuthConfig } from '../subgraphs/auth/src/config.ts';
import { createDb as createAuthDb } from '../subgraphs/auth/src/db.ts';
import { createServer as createAuthServer } from '../subgraphs/auth/src/server.ts';
import { loadConfig as loadUsersConfig } from '../subgraphs/users/src/config.ts';
import { createDb as createUsersDb } from '../subgraphs/users/src/db.ts';
import { createServer as createUsersServer } from '../subgraphs/users/src/server.ts';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { createGraphQLClient, errorCodes, type GraphQLResponse } from './helpers/graphql.ts';
import { httpOutage, tcpOutage, type Outage } from './helpers/outage.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const logger = createLogger('replica', 'silent');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let stack: Stack;
let account: TestAccount;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  stack = await startStack();
  account = await registerAccount(stack);
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await stack?.close();
});

/** The auth service behind a proxy that can be "stopped" and "restarted". */
async function authOutage(): Promise<Outage> {
  const outage = await httpOutage(new URL(stack.subgraphUrls.auth).origin);
  cleanups.push(() => outage.close());
  return outage;
}

async function serve(service: HttpService) {
  const url = await service.listen(0);
  cleanups.push(() => service.close());
  return {
    client: createGraphQLClient(url, stack.gatewayProof),
    ready: () => fetch(new URL('/ready', url)),
  };
}

async function usersReplica(auth: Outage, databaseUrl?: string) {
  const config = loadUsersConfig({
    ...stack.env,
    JWKS_URL: `${auth.address}/.well-known/jwks.json`,
    ...(databaseUrl ? { USERS_DATABASE_URL: databaseUrl } : {}),
  });
  // Queries go straight to the database; only the LISTEN connection uses `databaseUrl`.
  const db = createUsersDb(stack.env.USERS_DATABASE_URL!, { max: 2 });
  cleanups.push(() => db.$disconnect());
  return serve(await createUsersServer({ db, config, logger }));
}

async function gatewayReplica(auth: Outage) {
  const { supergraphSdl } = composeSupergraph(stack.subgraphUrls);
  const config = loadGatewayConfig({
    ...stack.env,
    JWKS_URL: `${auth.address}/.well-known/jwks.json`,
    AUTH_SUBGRAPH_URL: stack.subgraphUrls.auth,
    USERS_SUBGRAPH_URL: stack.subgraphUrls.users,
    CLIENTS_SUBGRAPH_URL: stack.subgraphUrls.clients,
  });
  return serve(await createGateway({ config, logger, supergraphSdl }));
}

const ME = '{ __typename }';

describe('a replica without its revocation list', () => {
  it('is not ready and refuses tokens (503) until the list is loaded', async () => {
    const auth = await authOutage();
    auth.down();
    // Both start while the auth service is unreachable (they wait a few seconds, then serve).
    const [users, gateway] = await Promise.all([usersReplica(auth), gatewayReplica(auth)]);
    for (const replica of [users, gateway]) {
      const ready = await replica.ready();
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ok: false, revocations: 'loading' });
      const refused = await replica.client.gql(ME, {}, { token: account.accessToken });
      expect(refused.status).toBe(503);
      expect(errorCodes(refused)).toEqual(['SERVICE_UNAVAILABLE']);
      // Without a token there is nothing to revoke: served.
      expect((await replica.client.gql(ME)).data).toEqual({ __typename: 'Query' });
    }

    auth.up();
    for (const replica of [users, gateway]) {
      await expect.poll(async () => (await replica.ready()).status, { timeout: 5_000 }).toBe(200);
      const served = await replica.client.gql(ME, {}, { token: account.accessToken });
      expect(served.errors).toBeUndefined();
    }
  });
});

describe('a replica whose LISTEN connection is down', () => {
  it('is not ready, though the snapshot loads, until it listens (revocations would be missed)', async () => {
    const auth = await authOutage();
    const dbUrl = new URL(stack.env.USERS_DATABASE_URL!);
    const database = await tcpOutage(dbUrl.hostname, Number(dbUrl.port));
    cleanups.push(() => database.close());
    database.down();
    const proxied = new URL(dbUrl);
    proxied.port = String(database.port);
    const users = await usersReplica(auth, proxied.toString());
    const ready = await users.ready();
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ revocations: 'loading' });
    const refused = await users.client.gql(ME, {}, { token: account.accessToken });
    expect(errorCodes(refused)).toEqual(['SERVICE_UNAVAILABLE']);

    database.up();
    await expect.poll(async () => (await users.ready()).status, { timeout: 5_000 }).toBe(200);
    const served = await users.client.gql(ME, {}, { token: account.accessToken });
    expect(served.errors).toBeUndefined();
  });
});

describe('an auth replica whose own revocations are not loaded', () => {
  it('sends `ready` on its event stream only once they are', async () => {
    const dbUrl = new URL(stack.env.AUTH_DATABASE_URL!);
    const database = await tcpOutage(dbUrl.hostname, Number(dbUrl.port));
    cleanups.push(() => database.close());
    database.down();
    const proxied = new URL(dbUrl);
    proxied.port = String(database.port);
    const config = await loadAuthConfig({
      ...stack.env,
      AUTH_DIRECT_DATABASE_URL: proxied.toString(),
    });
    const db = createAuthDb(stack.env.AUTH_DATABASE_URL!, { max: 2 });
    cleanups.push(() => db.$disconnect());
    const auth = await createAuthServer({ db, config, logger });
    const url = await auth.listen(0);
    cleanups.push(() => auth.close());

    const abort = new AbortController();
    cleanups.push(async () => abort.abort());
    const res = await fetch(new URL('/revocations/stream', url), {
      headers: stack.gatewayProof,
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    // One read in flight at a time, kept across calls, so no chunk is dropped.
    let pending: ReturnType<typeof reader.read> | undefined;
    const readFor = async (ms: number) => {
      const until = Date.now() + ms;
      while (!received.includes('event: ready') && Date.now() < until) {
        pending ??= reader.read();
        const chunk = await Promise.race([pending, sleep(until - Date.now()).then(() => null)]);
        if (!chunk) continue;
        pending = undefined;
        if (chunk.done) break;
        received += decoder.decode(chunk.value, { stream: true });
      }
    };
    // Its LISTEN connection cannot be made: the set it holds may be incomplete.
    await readFor(1_500);
    expect(received).not.toContain('event: ready');

    database.up();
    await readFor(5_000);
    expect(received).toContain('event: ready');
  });
});

/**
 * How a replica treats a revoked token: a subgraph refuses it (UNAUTHENTICATED), the gateway
 * ignores it (runs the request anonymous, extensions.tokenIgnored); 'accepted' otherwise.
 */
async function refusal(response: Promise<GraphQLResponse<unknown>>): Promise<string> {
  const res = await response;
  if (res.extensions?.tokenIgnored === true) return 'ignored';
  return errorCodes(res).join(',') || 'accepted';
}

describe('reconnecting after an outage', () => {
  const during = (outage: Outage, from: number, to: number, path?: string) =>
    outage.attempts.filter((a) => a.at >= from && a.at < to && (!path || a.path === path)).length;

  it('retries the auth service and the database once per interval, then recovers', async () => {
    const auth = await authOutage();
    const dbUrl = new URL(stack.env.USERS_DATABASE_URL!);
    const database = await tcpOutage(dbUrl.hostname, Number(dbUrl.port));
    cleanups.push(() => database.close());
    const proxied = new URL(dbUrl);
    proxied.port = String(database.port);
    const users = await usersReplica(auth, proxied.toString());
    const gateway = await gatewayReplica(auth);
    expect((await users.ready()).status).toBe(200);
    expect((await gateway.ready()).status).toBe(200);

    // The auth service and the database go away for five seconds (retry interval: 1 s).
    const from = Date.now();
    auth.down();
    database.down();
    await sleep(5_000);
    const to = Date.now();
    const snapshots = during(auth, from, to, '/revocations');
    const streams = during(auth, from, to, '/revocations/stream');
    const listens = during(database, from, to);
    // One chain of retries each: about five attempts, never one more chain per failure.
    for (const count of [streams, listens]) {
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(7);
    }
    expect(snapshots).toBeLessThanOrEqual(7);

    // Both come back: the replicas reconnect, reload, and go quiet again.
    auth.up();
    database.up();
    const revoked = await registerAccount(stack);
    expect(
      (await stack.gql('mutation { logout }', {}, { token: revoked.accessToken })).errors,
    ).toBe(undefined);
    for (const replica of [users, gateway]) {
      await expect
        .poll(() => refusal(replica.client.gql(ME, {}, { token: revoked.accessToken })), {
          timeout: 5_000,
        })
        .toBe(replica === gateway ? 'ignored' : 'UNAUTHENTICATED');
      expect((await replica.ready()).status).toBe(200);
    }
    await sleep(1_500);
    const quietFrom = Date.now();
    await sleep(2_000);
    const quietTo = Date.now();
    expect(during(auth, quietFrom, quietTo, '/revocations')).toBe(0);
    expect(during(auth, quietFrom, quietTo, '/revocations/stream')).toBe(0);
    expect(during(database, quietFrom, quietTo)).toBe(0);
    // And new revocations reach both over the restored connections within a second.
    const later = await registerAccount(stack);
    await stack.gql('mutation { logout }', {}, { token: later.accessToken });
    for (const replica of [users, gateway]) {
      await expect
        .poll(() => refusal(replica.client.gql(ME, {}, { token: later.accessToken })), {
          timeout: 1_000,
        })
        .toBe(replica === gateway ? 'ignored' : 'UNAUTHENTICATED');
    }
  });
});
