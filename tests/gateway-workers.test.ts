// GATEWAY_WORKERS: the gateway as a primary and two workers sharing one port (node:cluster).
// It serves, its request-rate counters are shared by the workers (each request here opens a
// connection of its own, which the primary hands to the workers in turn), and SIGTERM stops
// every process.
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerAccount } from './fixtures/accounts.ts';
import { exactly, newAddress, withinOneWindow } from './fixtures/rateLimits.ts';
import { findFreePort } from './helpers/embedded-db.ts';
import { createGraphQLClient, type GraphQLResponse } from './helpers/graphql.ts';
import {
  startServiceProcess,
  stopServiceProcess,
  type ServiceProcess,
} from './helpers/serviceProcess.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const PER_ADDRESS = 6;

/** Pids of the processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      if (new RegExp(`^PPid:\\s+${pid}$`, 'm').test(status)) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** POSTs `{ __typename }` from `address` on a new connection (no keep-alive). */
function postOnNewConnection(url: string, address: string): Promise<GraphQLResponse<unknown>> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve(JSON.parse(body) as GraphQLResponse<unknown>));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ query: '{ __typename }' }));
  });
}

describe('GATEWAY_WORKERS=2', () => {
  let stack: Stack;
  let gateway: ServiceProcess | undefined;
  let workers: number[] = [];

  beforeAll(async () => {
    stack = await startStack();
    gateway = await startServiceProcess('gateway/src/index.ts', await findFreePort(), {
      GATEWAY_WORKERS: '2',
      RATE_LIMITS: 'on',
      RATE_LIMIT_REQUESTS_PER_MINUTE: String(PER_ADDRESS),
      AUTH_SUBGRAPH_URL: stack.subgraphUrls.auth,
      USERS_SUBGRAPH_URL: stack.subgraphUrls.users,
      CLIENTS_SUBGRAPH_URL: stack.subgraphUrls.clients,
      JWKS_URL: stack.env.JWKS_URL!,
      GATEWAY_SECRET: stack.env.GATEWAY_SECRET!,
    });
    const primary = gateway.child.pid!;
    await vi.waitFor(() => expect(childrenOf(primary)).toHaveLength(2), { timeout: 60_000 });
    workers = childrenOf(primary);
  }, 180_000);
  afterAll(async () => {
    if (gateway?.child.pid) workers = [...new Set([...workers, ...childrenOf(gateway.child.pid)])];
    await stopServiceProcess(gateway);
    for (const pid of workers) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await stack?.close();
  });

  it('serves the graph from a primary and two workers', async () => {
    const account = await registerAccount(stack, { name: 'Worker Alice' });
    const client = createGraphQLClient(gateway!.url);
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        client.gql<{ me: { email: string } }>(
          '{ me { email } }',
          {},
          {
            token: account.accessToken,
            headers: { 'x-forwarded-for': newAddress() },
          },
        ),
      ),
    );
    for (const res of results) expect(res.data?.me.email).toBe(account.email);
  });

  it('counts one address across the workers: the limit holds, not twice the limit', async () => {
    await withinOneWindow(60, 15);
    const address = newAddress();
    const refused = await exactly(PER_ADDRESS, () => postOnNewConnection(gateway!.url, address));
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    // Another address is served normally.
    const other = await postOnNewConnection(gateway!.url, newAddress());
    expect(other.errors).toBeUndefined();
  });

  it('stops every worker on SIGTERM, exiting 0', async () => {
    expect(workers).toHaveLength(2);
    gateway!.child.kill('SIGTERM');
    expect(await gateway!.exited).toBe(0);
    for (const pid of workers) expect(alive(pid)).toBe(false);
  });
});
