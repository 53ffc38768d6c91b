// In-flight merging of identical subgraph queries: a real gateway in front of the real
// subgraphs, through a counting proxy that holds every subgraph request for a moment, so
// requests sent together are in flight together.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, type HttpService } from '@grahvani/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from '../gateway/src/compose.ts';
import { loadConfig } from '../gateway/src/config.ts';
import { dedupeInFlight } from '../gateway/src/inFlight.ts';
import { createGateway } from '../gateway/src/server.ts';
import { parseAnswer } from '../gateway/src/subgraphSource.ts';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { createGraphQLClient, errorCodes, type GraphQLClient } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

type Name = 'auth' | 'users' | 'clients';
const HOLD_MS = 300;

/** Forwards POSTs to `target` after HOLD_MS, counting them; `failing` answers 503 instead. */
async function countingProxy(target: string) {
  const proxy = { calls: 0, failing: false, server: undefined as Server | undefined, url: '' };
  proxy.server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      proxy.calls += 1;
      setTimeout(() => {
        if (proxy.failing) {
          res.writeHead(503).end('down');
          return;
        }
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(
            (entry): entry is [string, string] =>
              typeof entry[1] === 'string' && !['host', 'content-length'].includes(entry[0]),
          ),
        );
        fetch(target, { method: 'POST', headers, body: Buffer.concat(chunks) })
          .then(async (upstream) => {
            res.writeHead(upstream.status, {
              'content-type': upstream.headers.get('content-type') ?? 'application/json',
            });
            res.end(Buffer.from(await upstream.arrayBuffer()));
          })
          .catch(() => res.writeHead(502).end());
      }, HOLD_MS);
    });
  });
  await new Promise<void>((resolve) => proxy.server?.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.server.address() as AddressInfo;
  proxy.url = `http://127.0.0.1:${port}/graphql`;
  return proxy;
}

describe('gateway merges identical subgraph queries in flight', () => {
  let stack: Stack;
  let proxies: Record<Name, Awaited<ReturnType<typeof countingProxy>>>;
  const gateways: HttpService[] = [];
  let merging: GraphQLClient;
  let separate: GraphQLClient;
  let alice: TestAccount;
  let bob: TestAccount;

  async function gatewayWith(env: Record<string, string>): Promise<GraphQLClient> {
    const urls = {
      auth: proxies.auth.url,
      users: proxies.users.url,
      clients: proxies.clients.url,
    };
    const config = loadConfig({
      ...stack.env,
      ...env,
      AUTH_SUBGRAPH_URL: urls.auth,
      USERS_SUBGRAPH_URL: urls.users,
      CLIENTS_SUBGRAPH_URL: urls.clients,
    });
    const gateway = await createGateway({
      config,
      logger: createLogger('test', 'silent'),
      supergraphSdl: composeSupergraph(urls).supergraphSdl,
    });
    gateways.push(gateway);
    return createGraphQLClient(await gateway.listen(0));
  }

  beforeAll(async () => {
    stack = await startStack();
    proxies = {
      auth: await countingProxy(stack.subgraphUrls.auth),
      users: await countingProxy(stack.subgraphUrls.users),
      clients: await countingProxy(stack.subgraphUrls.clients),
    };
    merging = await gatewayWith({});
    separate = await gatewayWith({ GATEWAY_DEDUPE: 'false' });
    alice = await registerAccount(stack, { name: 'Dedupe Alice' });
    bob = await registerAccount(stack, { name: 'Dedupe Bob' });
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.close();
    for (const proxy of Object.values(proxies ?? {})) {
      await new Promise((resolve) => proxy.server?.close(resolve));
    }
    await stack?.close();
  });

  /** Subgraph calls `name` received while `run` ran. */
  async function callsTo<T>(name: Name, run: () => Promise<T>) {
    const before = proxies[name].calls;
    const result = await run();
    return { calls: proxies[name].calls - before, result };
  }

  const ME = '{ me { email } }';

  it('sends one subgraph query for two identical requests in flight together', async () => {
    const { calls, result } = await callsTo('auth', () =>
      Promise.all([
        merging.gql(ME, {}, { token: alice.accessToken }),
        merging.gql(ME, {}, { token: alice.accessToken, headers: { 'x-request-id': 'other' } }),
      ]),
    );
    expect(calls).toBe(1);
    for (const res of result) expect(res.data).toEqual({ me: { email: alice.email } });
  });

  it('gives each caller objects of its own, parsed from the one answer', async () => {
    let sent = 0;
    const merged = dedupeInFlight(async () => {
      sent += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      const text = JSON.stringify({ data: { me: { email: 'a@example.com' } } });
      return { status: 200, contentType: 'application/json', cacheControl: undefined, text };
    });
    const body = JSON.stringify({ query: '{ me { email } }', variables: {} });
    const answers = await Promise.all([merged({}, body), merged({}, body)]);
    const [first, second] = answers.map(parseAnswer);
    expect(sent).toBe(1);
    expect(first).toEqual({ data: { me: { email: 'a@example.com' } } });
    expect(first).toEqual(second);
    expect(first).not.toBe(second);
    expect(merged.inFlight()).toBe(0);
  });

  it('never merges requests of different callers (Authorization differs)', async () => {
    const { calls, result } = await callsTo('auth', () =>
      Promise.all([
        merging.gql(ME, {}, { token: alice.accessToken }),
        merging.gql(ME, {}, { token: bob.accessToken }),
      ]),
    );
    expect(calls).toBe(2);
    expect(result.map((res) => res.data)).toEqual([
      { me: { email: alice.email } },
      { me: { email: bob.email } },
    ]);
  });

  it('never merges mutations, even identical ones', async () => {
    const mutation = 'mutation ($s: JSONObject!) { updatePreferences(settings: $s) { id } }';
    const { calls, result } = await callsTo('users', () =>
      Promise.all([
        merging.gql(mutation, { s: { theme: 'dark' } }, { token: alice.accessToken }),
        merging.gql(mutation, { s: { theme: 'dark' } }, { token: alice.accessToken }),
      ]),
    );
    expect(result.map(errorCodes)).toEqual([[], []]);
    expect(calls).toBe(2);
  });

  it('shares a failure with every merged caller, then forgets it', async () => {
    proxies.auth.failing = true;
    try {
      const { calls, result } = await callsTo('auth', () =>
        Promise.all([
          merging.gql(ME, {}, { token: alice.accessToken }),
          merging.gql(ME, {}, { token: alice.accessToken }),
        ]),
      );
      expect(calls).toBe(1);
      for (const res of result) expect(errorCodes(res)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    } finally {
      proxies.auth.failing = false;
    }
    const { calls, result } = await callsTo('auth', () =>
      merging.gql(ME, {}, { token: alice.accessToken }),
    );
    expect(calls).toBe(1);
    expect(result.data).toEqual({ me: { email: alice.email } });
  });

  it('sends every request when GATEWAY_DEDUPE=false', async () => {
    const { calls } = await callsTo('auth', () =>
      Promise.all([
        separate.gql(ME, {}, { token: alice.accessToken }),
        separate.gql(ME, {}, { token: alice.accessToken }),
      ]),
    );
    expect(calls).toBe(2);
  });
});
