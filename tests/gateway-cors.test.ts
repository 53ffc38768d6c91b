// CORS at the gateway, as a browser speaks it (plain HTTP): preflights, the headers a web app
// needs, origins refused, production defaults, and Apollo's CSRF prevention still on.
import { ConfigError, createLogger, type HttpService } from '@grahvani/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from '../gateway/src/compose.ts';
import { loadConfig } from '../gateway/src/config.ts';
import { originAllowed } from '../gateway/src/cors.ts';
import { createGateway } from '../gateway/src/server.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const REQUEST_HEADERS = 'content-type,authorization,idempotency-key,x-request-id';

function preflight(
  url: string,
  origin: string,
  headers = REQUEST_HEADERS,
  extra: Record<string, string> = {},
) {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      ...extra,
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': headers,
    },
  });
}

const corsHeaders = (res: Response) =>
  [...res.headers.keys()].filter((name) => name.startsWith('access-control-'));

describe('CORS at the gateway', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it.each([
    'http://localhost:3000',
    'http://localhost:5173',
    'http://127.0.0.1:8080',
    'http://[::1]:3000',
  ])(
    'answers a preflight from %s (APP_URL and loopback by default outside production)',
    async (origin) => {
      const res = await preflight(
        stack.gatewayUrl,
        origin,
        `${REQUEST_HEADERS},apollo-require-preflight,x-apollo-operation-name`,
      );
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
      const allowed = res.headers.get('access-control-allow-headers')!.split(',');
      for (const header of [
        'content-type',
        'authorization',
        'idempotency-key',
        'x-request-id',
        'apollo-require-preflight',
        'x-apollo-operation-name',
      ]) {
        expect(allowed).toContain(header);
      }
      expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
      expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
      expect(res.headers.get('access-control-expose-headers')).toBe('x-request-id,retry-after');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    },
  );

  it.each([
    'https://evil.example',
    'http://localhost.evil.example:3000',
    'null',
    'http://localhost:3000.evil.example',
  ])('gives %s no CORS headers', async (origin) => {
    const res = await preflight(stack.gatewayUrl, origin);
    expect(corsHeaders(res)).toEqual([]);
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
    const post = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(corsHeaders(post)).toEqual([]);
  });

  it('lets an allowed origin read the answer to its POST, x-request-id included', async () => {
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { origin: 'http://localhost:3000', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(res.headers.get('access-control-expose-headers')).toBe('x-request-id,retry-after');
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
  });

  it('keeps CSRF prevention: requests a browser sends without a preflight are refused', async () => {
    const origin = 'http://localhost:3000';
    const simplePost = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { origin, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(simplePost.status).toBe(400);
    const simpleGet = await fetch(
      `${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`,
      {
        headers: { origin },
      },
    );
    expect(simpleGet.status).toBe(400);
    const flaggedGet = await fetch(
      `${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`,
      {
        headers: { origin, 'apollo-require-preflight': 'true' },
      },
    );
    expect(flaggedGet.status).toBe(200);
  });

  it('serves the JWKS cross-origin', async () => {
    const origin = 'http://localhost:3000';
    const res = await fetch(new URL('/.well-known/jwks.json', stack.gatewayUrl), {
      headers: { origin },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
    expect(((await res.json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
  });

  it('leaves the subgraphs without CORS', async () => {
    for (const url of Object.values(stack.subgraphUrls)) {
      // With the gateway's proof, so the preflight reaches the subgraph's own handling.
      const res = await preflight(
        url,
        'http://localhost:3000',
        REQUEST_HEADERS,
        stack.gatewayProof,
      );
      expect(res.status).not.toBe(401);
      expect(corsHeaders(res)).toEqual([]);
    }
  });

  describe('in production', () => {
    const gateways: HttpService[] = [];
    afterAll(() => Promise.all(gateways.map((g) => g.close())));

    async function productionGateway(env: Record<string, string>) {
      const config = loadConfig({
        ...stack.env,
        NODE_ENV: 'production',
        AUTH_SUBGRAPH_URL: stack.subgraphUrls.auth,
        USERS_SUBGRAPH_URL: stack.subgraphUrls.users,
        CLIENTS_SUBGRAPH_URL: stack.subgraphUrls.clients,
        ...env,
      });
      const gateway = await createGateway({
        config,
        logger: createLogger('test', 'silent'),
        supergraphSdl: composeSupergraph(stack.subgraphUrls).supergraphSdl,
      });
      gateways.push(gateway);
      return gateway.listen(0);
    }

    it('allows no origin by default, not even APP_URL or loopback', async () => {
      const url = await productionGateway({ APP_URL: 'https://app.example.com' });
      for (const origin of ['https://app.example.com', 'http://localhost:3000']) {
        expect(corsHeaders(await preflight(url, origin))).toEqual([]);
      }
    });

    it('allows exactly the configured origins', async () => {
      const url = await productionGateway({
        CORS_ORIGINS: 'https://app.example.com, https://admin.example.com/',
      });
      for (const origin of ['https://app.example.com', 'https://admin.example.com']) {
        const res = await preflight(url, origin);
        expect(res.status).toBe(204);
        expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      }
      for (const origin of [
        'http://app.example.com',
        'https://app.example.com:8443',
        'http://localhost:3000',
      ]) {
        expect(corsHeaders(await preflight(url, origin))).toEqual([]);
      }
    });
  });

  describe('CORS_ORIGINS', () => {
    it('replaces the development defaults when set, and takes patterns outside production', () => {
      const { cors } = loadConfig({ CORS_ORIGINS: 'https://App.example.com,http://localhost:*' });
      expect(cors).toEqual({
        origins: ['https://app.example.com'],
        patterns: ['http://localhost:*'],
        loopback: false,
      });
      expect(loadConfig({ APP_URL: 'https://web.example.com/app/' }).cors).toEqual({
        origins: ['https://web.example.com'],
        patterns: [],
        loopback: true,
      });
    });

    it.each([
      [
        'a pattern in production',
        { NODE_ENV: 'production', CORS_ORIGINS: 'https://*.example.com' },
      ],
      ['a path', { CORS_ORIGINS: 'https://app.example.com/app' }],
      ['a bare wildcard', { CORS_ORIGINS: '*' }],
      ['another scheme', { CORS_ORIGINS: 'ftp://example.com' }],
    ])('refuses %s at start', (_label, env) => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
    });
  });

  it('matches patterns on whole host labels and ports only', () => {
    const config = {
      origins: [],
      patterns: ['http://localhost:*', 'https://*.example.com'],
      loopback: false,
    };
    expect(originAllowed(config, 'http://localhost:5173')).toBe(true);
    expect(originAllowed(config, 'https://preview-1.example.com')).toBe(true);
    expect(originAllowed(config, 'http://localhost')).toBe(false);
    expect(originAllowed(config, 'https://example.com')).toBe(false);
    expect(originAllowed(config, 'https://evil.com:443.example.com')).toBe(false);
    expect(originAllowed(config, 'http://127.0.0.1:5173')).toBe(false);
  });
});
