// GET /metrics on every service: Prometheus text, behind METRICS_TOKEN when it is set.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsRoute } from '@grahvani/shared';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const TOKEN = 'metrics-token-for-tests';

const ME = /* GraphQL */ `
  query Me {
    me {
      email
      profile {
        clients(first: 1) {
          totalCount
        }
      }
    }
  }
`;

const TOO_MANY = /* GraphQL */ `
  query TooMany {
    me {
      profile {
        clients(first: 1000) {
          totalCount
        }
      }
    }
  }
`;

async function scrape(url: string, token: string | null = TOKEN) {
  const res = await fetch(new URL('/metrics', url), {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

/** The value of the sample whose name and labels contain every one of `parts`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const line = text
    .split('\n')
    .find(
      (l) =>
        (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) &&
        Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    );
  if (!line) throw new Error(`no sample ${name} ${JSON.stringify(labels)}`);
  return Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('metrics', () => {
  let stack: Stack;
  let account: TestAccount;

  beforeAll(async () => {
    stack = await startStack({ env: { METRICS_TOKEN: TOKEN } });
    account = await registerAccount(stack);
  });
  afterAll(() => stack?.close());

  it('refuses a scrape without the token or with a wrong one, on every service', async () => {
    for (const url of [stack.gatewayUrl, ...Object.values(stack.subgraphUrls)]) {
      expect((await scrape(url, null)).status).toBe(401);
      expect((await scrape(url, 'wrong')).status).toBe(401);
      expect((await scrape(url, `${TOKEN}x`)).status).toBe(401);
    }
  });

  it('counts gateway requests by operation and outcome, with latency and subgraph fetches', async () => {
    const before = await scrape(stack.gatewayUrl);
    expect(before.status).toBe(200);
    expect(before.type).toMatch(/^text\/plain/);
    const me = await stack.gql(ME, {}, { token: account.accessToken });
    expect(me.errors).toBeUndefined();
    const tooMany = await stack.gql(TOO_MANY, {}, { token: account.accessToken });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);

    const { text } = await scrape(stack.gatewayUrl);
    const ok = { service: 'gateway', operation: 'Me', outcome: 'success' };
    expect(sample(text, 'graphql_requests_total', ok)).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'graphql_request_duration_seconds_count', ok)).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'graphql_requests_total', { operation: 'TooMany', outcome: 'BAD_USER_INPUT' }),
    ).toBeGreaterThanOrEqual(1);
    for (const subgraph of ['auth', 'users', 'clients']) {
      expect(
        sample(text, 'gateway_subgraph_fetch_duration_seconds_count', { subgraph }),
      ).toBeGreaterThanOrEqual(1);
    }
    expect(sample(text, 'revocation_list_loaded', { service: 'gateway' })).toBe(1);
    expect(sample(text, 'revocation_list_size', { service: 'gateway' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'revocation_list_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('reports each subgraph’s requests, pool and query durations, and revocations', async () => {
    for (const [name, url] of Object.entries(stack.subgraphUrls)) {
      const { status, text } = await scrape(url);
      expect(status).toBe(200);
      expect(sample(text, 'graphql_requests_total', { service: name })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'db_pool_connections', { service: name })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'db_pool_idle', { service: name })).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'db_pool_waiting', { service: name })).toBe(0);
      expect(sample(text, 'db_query_duration_seconds_count', { service: name })).toBeGreaterThan(0);
      expect(sample(text, 'revocation_list_loaded', { service: name })).toBe(1);
    }
    const clients = await scrape(stack.subgraphUrls.clients);
    expect(sample(clients.text, 'client_imports_running')).toBe(0);
  });

  it('grows the revocation list metric when a session is revoked', async () => {
    const before = sample((await scrape(stack.gatewayUrl)).text, 'revocation_list_size');
    const other = await registerAccount(stack);
    const logout = await stack.gql('mutation { logout }', {}, { token: other.accessToken });
    expect(logout.errors).toBeUndefined();
    await expect
      .poll(async () => sample((await scrape(stack.gatewayUrl)).text, 'revocation_list_size'))
      .toBeGreaterThan(before);
  });

  it('counts failed subgraph fetches by subgraph', async () => {
    await stack.stopSubgraph('users');
    await stack.gql(ME, {}, { token: account.accessToken });
    const { text } = await scrape(stack.gatewayUrl);
    expect(
      sample(text, 'gateway_subgraph_errors_total', { subgraph: 'users', kind: 'fetch' }),
    ).toBeGreaterThanOrEqual(1);
  });
});

describe('metricsRoute', () => {
  async function serve(token?: string) {
    const registry = new Registry();
    registry.setDefaultLabels({ service: 'probe' });
    const app = express();
    app.get('/metrics', metricsRoute(registry, token));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
  }

  it('is open, like /health, when METRICS_TOKEN is unset', async () => {
    const server = await serve();
    try {
      expect((await scrape(server.url, null)).status).toBe(200);
    } finally {
      server.close();
    }
  });

  it('takes only the exact bearer token when one is set', async () => {
    const server = await serve('abc');
    try {
      expect((await scrape(server.url, 'abc')).status).toBe(200);
      expect((await scrape(server.url, 'ab')).status).toBe(401);
      expect((await scrape(server.url, null)).status).toBe(401);
      const basic = await fetch(new URL('/metrics', server.url), {
        headers: { authorization: 'Basic abc' },
      });
      expect(basic.status).toBe(401);
    } finally {
      server.close();
    }
  });
});
