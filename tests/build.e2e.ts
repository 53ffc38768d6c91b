// `npm run build`, then the graph as production runs it: each service a plain `node
// <package>/dist/index.js` process, no TypeScript loader. The bundles must find what the
// sources find beside them (SDL, the committed supergraph, the password list, Prisma's query
// compiler) and the packages the sources import.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSigningKey, newGatewaySecret } from '@grahvani/shared';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildAll } from '../scripts/build.ts';
import { BUILD_ENTRIES, builtEntry } from '../scripts/lib/buildEntries.ts';
import { registerAstrologer } from './fixtures/clients.ts';
import { findFreePort } from './helpers/embedded-db.ts';
import { createGraphQLClient, errorCodes } from './helpers/graphql.ts';
import {
  startServiceProcess,
  stopServiceProcess,
  type ServiceProcess,
} from './helpers/serviceProcess.ts';

describe('the services built by npm run build', { timeout: 180_000 }, () => {
  const processes: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let mailDir: string;

  beforeAll(async () => {
    const outputs = await buildAll();
    expect(outputs.map((file) => path.relative(process.cwd(), file)).sort()).toEqual(
      Object.values(BUILD_ENTRIES).sort(),
    );
    mailDir = await mkdtemp(path.join(tmpdir(), 'grahvani-build-mail-'));
    const urls = inject('databaseUrls');
    const ports = {
      auth: await findFreePort(),
      users: await findFreePort(),
      clients: await findFreePort(),
    };
    const env = {
      JWT_PRIVATE_KEYS: JSON.stringify([await generateSigningKey('build-')]),
      GATEWAY_SECRET: newGatewaySecret('build-'),
      JWKS_URL: `http://127.0.0.1:${ports.auth}/.well-known/jwks.json`,
      MAIL_DIR: mailDir,
      AUTH_DATABASE_URL: urls.auth,
      USERS_DATABASE_URL: urls.users,
      CLIENTS_DATABASE_URL: urls.clients,
    };
    const start = async (name: string, source: string, port: number) => {
      const service = await startServiceProcess(builtEntry(source), port, env, 120_000);
      processes.push(service);
      return [name, service] as const;
    };
    // Auth first: the others load its keys and revocation list as they start.
    await start('auth', 'subgraphs/auth/src/index.ts', ports.auth);
    await Promise.all([
      start('users', 'subgraphs/users/src/index.ts', ports.users),
      start('clients', 'subgraphs/clients/src/index.ts', ports.clients),
    ]);
    gateway = await startServiceProcess(
      builtEntry('gateway/src/index.ts'),
      await findFreePort(),
      {
        ...env,
        AUTH_SUBGRAPH_URL: `http://127.0.0.1:${ports.auth}/graphql`,
        USERS_SUBGRAPH_URL: `http://127.0.0.1:${ports.users}/graphql`,
        CLIENTS_SUBGRAPH_URL: `http://127.0.0.1:${ports.clients}/graphql`,
      },
      120_000,
    );
    processes.push(gateway);
  }, 240_000);

  afterAll(async () => {
    for (const service of processes.reverse()) await stopServiceProcess(service, 'SIGTERM');
    if (mailDir) await rm(mailDir, { recursive: true, force: true });
  });

  it('run as plain JavaScript: no TypeScript loader in any process', () => {
    for (const service of processes) {
      expect(service.child.spawnargs.join(' ')).not.toMatch(/tsx|\.ts\b/);
      expect(service.child.spawnargs.at(-1)).toMatch(/\/dist\/index\.js$/);
    }
  });

  it('answer /health and /ready', async () => {
    const base = gateway.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    // Ready once every subgraph is: the gateway's /ready asks each of them.
    const deadline = Date.now() + 30_000;
    let ready = 0;
    while (ready !== 200 && Date.now() < deadline) {
      ready = (await fetch(`${base}/ready`)).status;
      if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(ready).toBe(200);
  });

  it('serve a request that goes through every subgraph and its database', async () => {
    const graph = createGraphQLClient(gateway.url);
    // Registration: auth's SDL, password list, argon2 and Prisma client, all from the bundle.
    const account = await registerAstrologer(graph, 'Built Astrologer');
    const res = await graph.gql<{
      me: { email: string; profile: { clientCount: number } };
    }>('{ me { email profile { clientCount } } }', {}, { token: account.accessToken });
    expect(res.errors).toBeUndefined();
    expect(res.data?.me).toEqual({ email: account.email, profile: { clientCount: 0 } });
    // A refusal keeps its code through the bundles (auth's errors, the gateway's merging).
    const denied = await graph.gql(
      'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email: account.email, password: `${account.password} (wrong)` } },
    );
    expect(errorCodes(denied)).toEqual(['UNAUTHENTICATED']);
  });
});
