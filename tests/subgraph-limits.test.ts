// Subgraphs guard themselves too: in production no introspection, and everywhere their own
// depth and token limits, loose enough for every query plan of the gateway (the contract's
// deepest operation, ClientById, passes with the subgraph depth limit at its exact depth).
// GATEWAY_SECRET is required in production and checked at start.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ConfigError,
  createLogger,
  createTokenVerifier,
  generateSigningKey,
  publicJwks,
  tokenConfig,
} from '@grahvani/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig as loadGatewayConfig } from '../gateway/src/config.ts';
import { loadConfig as loadAuthConfig } from '../subgraphs/auth/src/config.ts';
import { loadConfig as loadClientsConfig } from '../subgraphs/clients/src/config.ts';
import { loadConfig as loadUsersConfig } from '../subgraphs/users/src/config.ts';
import { createServer as createUsersServer } from '../subgraphs/users/src/server.ts';
import { createClient, op, registerAstrologer } from './fixtures/clients.ts';
import { createGraphQLClient, errorCodes } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

// ClientById's deepest path: client > consultations > edges > node > id.
const CLIENT_BY_ID_DEPTH = 5;

describe('subgraph query limits', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      env: { SUBGRAPH_MAX_DEPTH: String(CLIENT_BY_ID_DEPTH), SUBGRAPH_MAX_TOKENS: '400' },
    });
  });
  afterAll(() => stack?.close());

  it("serve the gateway's plan of ClientById with every list filled", async () => {
    const astro = await registerAstrologer(stack, 'Deep Reader');
    const token = astro.accessToken;
    const rahul = await createClient(stack, token, { name: 'Rahul' });
    const priya = await createClient(stack, token, { name: 'Priya' });
    const mutations: [string, Record<string, unknown>][] = [
      [
        'LinkFamilyMember',
        { input: { clientId: rahul.id, relatedClientId: priya.id, relationshipType: 'SPOUSE' } },
      ],
      [
        'RecordConsultation',
        { input: { clientId: rahul.id, type: 'VIDEO', date: '2026-11-20T10:00:00Z' } },
      ],
      ['SaveChart', { input: { clientId: rahul.id, chartType: 'D9', chartData: { a: 1 } } }],
      ['AddClientNote', { input: { clientId: rahul.id, content: 'Calls', category: 'GENERAL' } }],
      ['PrescribeRemedy', { input: { clientId: rahul.id, type: 'GEMSTONE', description: 'Ruby' } }],
    ];
    for (const [name, variables] of mutations) {
      expect(errorCodes(await stack.gql(op(name), variables, { token })), name).toEqual([]);
    }
    const res = await stack.gql<{ client: Record<string, unknown[] | unknown> }>(
      op('ClientById'),
      { id: rahul.id },
      { token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.client).toMatchObject({
      owner: { name: 'Deep Reader', account: { id: astro.id, email: astro.email } },
      familyLinks: [{ relatedClient: { id: priya.id } }],
      consultations: { totalCount: 1 },
      savedCharts: [{ chartType: 'D9' }],
      notes: [{ content: 'Calls' }],
      remedies: [{ description: 'Ruby' }],
    });
  });

  it('refuse a document one level deeper than the limit, fragments and _entities included', async () => {
    const tooDeep =
      '{ client(id: "x") { familyLinks { relatedClient { familyLinks { relatedClient { id } } } } } }';
    const res = await stack.subgraph('clients').gql(tooDeep);
    expect(errorCodes(res)).toContain('GRAPHQL_VALIDATION_FAILED');
    // The `_entities(...) { ... on User { } }` wrapper of a query plan costs one level.
    const entities = (leaf: string) =>
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { followers(first: 1) { edges { node { ${leaf} } } } } } }`;
    const r = [{ __typename: 'User', id: '00000000-0000-4000-8000-000000000000' }];
    expect(errorCodes(await stack.subgraph('users').gql(entities('id'), { r }))).toEqual([]);
    expect(
      errorCodes(await stack.subgraph('users').gql(entities('account { id }'), { r })),
    ).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('refuse a document of more tokens than the limit before parsing it all', async () => {
    const res = await stack.subgraph('auth').gql(`{ ${'__typename '.repeat(400)} }`);
    expect(errorCodes(res)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });
});

describe('a subgraph in production', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it('refuses introspection (allowed outside production)', async () => {
    const config = loadUsersConfig({ ...stack.env, NODE_ENV: 'production' });
    const verifier = createTokenVerifier({
      ...tokenConfig(stack.env),
      keys: { jwks: publicJwks(stack.signingKeys) },
    });
    const logger = createLogger('production-users', 'silent');
    const server = await createUsersServer({ db: stack.db.users, config, logger, verifier });
    try {
      const production = createGraphQLClient(await server.listen(0), stack.gatewayProof);
      const introspection = '{ __schema { queryType { name } } }';
      expect(errorCodes(await production.gql(introspection))).toEqual([
        'GRAPHQL_VALIDATION_FAILED',
      ]);
      expect((await production.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
      const test = await stack.subgraph('users').gql(introspection);
      expect(test.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await server.close();
    }
  });
});

describe('GATEWAY_SECRET in production', () => {
  const base = {
    NODE_ENV: 'production',
    AUTH_DATABASE_URL: 'postgresql://auth_svc:x@db/grahvani',
    USERS_DATABASE_URL: 'postgresql://users_svc:x@db/grahvani',
    CLIENTS_DATABASE_URL: 'postgresql://clients_svc:x@db/grahvani',
    APP_URL: 'https://app.example.com',
    MAIL_DIR: '/tmp/grahvani-mail',
  };
  const loaders = async () => {
    const env = { ...base, JWT_PRIVATE_KEYS: JSON.stringify([await generateSigningKey()]) };
    return {
      gateway: (extra: Record<string, string>) => loadGatewayConfig({ ...env, ...extra }),
      users: (extra: Record<string, string>) => loadUsersConfig({ ...env, ...extra }),
      clients: (extra: Record<string, string>) => loadClientsConfig({ ...env, ...extra }),
      auth: (extra: Record<string, string>) => loadAuthConfig({ ...env, ...extra }),
    };
  };

  it('is required, at least 32 characters and never a development value', async () => {
    for (const [name, load] of Object.entries(await loaders())) {
      const refused = async (extra: Record<string, string>) =>
        expect(async () => load(extra), `${name} ${JSON.stringify(extra)}`).rejects.toThrow(
          ConfigError,
        );
      await refused({});
      await refused({ GATEWAY_SECRET: 'x'.repeat(31) });
      await refused({ GATEWAY_SECRET: `dev-${'x'.repeat(40)}` });
      await refused({ GATEWAY_SECRET: 'x'.repeat(40), TRUSTED_PROXIES: 'not-an-address' });
      const accepted = await load({ GATEWAY_SECRET: 'x'.repeat(32) });
      expect(accepted.env).toBe('production');
    }
  });

  it('is generated once into DATA_DIR/keys in development and shared by every service', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'grahvani-secret-'));
    try {
      const env = { ...base, NODE_ENV: 'development', DATA_DIR: dataDir };
      const gateway = loadGatewayConfig(env);
      const users = loadUsersConfig(env);
      expect(gateway.gatewaySecret).toMatch(/^dev-.{40,}$/);
      expect(users.boundary.gatewaySecret).toBe(gateway.gatewaySecret);
      const file = await readFile(path.join(dataDir, 'keys', 'gateway-secret'), 'utf8');
      expect(file.trim()).toBe(gateway.gatewaySecret);
      // That value is what production refuses.
      const production = { ...base, GATEWAY_SECRET: gateway.gatewaySecret };
      expect(() => loadUsersConfig(production)).toThrow(ConfigError);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('stops a service at start with one line naming it when missing', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'gateway/src/index.ts'], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^gateway: cannot start: .*GATEWAY_SECRET/);
  });
});
