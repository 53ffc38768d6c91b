// `NODE_ENV=production ALLOW_DEV_SECRETS=1 npm start`: production behaviour on one machine,
// with the embedded database and the development secrets it announces.
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphQLClient, errorCodes } from './helpers/graphql.ts';
import { findStablePort, npmStart, portOpen, waitFor, type Run } from './helpers/npmStart.ts';

const LOGIN = /* GraphQL */ `
  mutation ($input: LoginInput!) {
    login(input: $input) {
      accessToken
    }
  }
`;
const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterInput!) {
    register(input: $input) {
      accessToken
    }
  }
`;

describe('production on one machine', { timeout: 180_000 }, () => {
  let dataDir: string;
  let env: Record<string, string>;
  let run: Run;
  let gatewayUrl: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'grahvani-production-'));
    await chmod(dataDir, 0o755);
    const ports: number[] = [];
    for (let i = 0; i < 5; i++) ports.push(await findStablePort(ports));
    const [gateway, auth, users, clients, pg] = ports.map(String) as [
      string,
      string,
      string,
      string,
      string,
    ];
    env = {
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      GATEWAY_PORT: gateway,
      AUTH_PORT: auth,
      USERS_PORT: users,
      CLIENTS_PORT: clients,
      EMBEDDED_PG_PORT: pg,
      // Whatever the developer's shell holds, these must come from ALLOW_DEV_SECRETS.
      JWT_PRIVATE_KEYS: '',
      GATEWAY_SECRET: '',
      APP_URL: '',
      SMTP_URL: '',
      MAIL_DIR: '',
      SANDBOX: '',
      SEED: '',
    };
    gatewayUrl = `http://127.0.0.1:${gateway}/graphql`;
  }, 60_000);
  afterAll(async () => {
    if (run && run.child.exitCode === null) {
      run.child.kill('SIGTERM');
      await run.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses without ALLOW_DEV_SECRETS, in one line, starting nothing', async () => {
    const refused = npmStart({ ...env, ALLOW_DEV_SECRETS: '' });
    expect(await refused.exited).toBe(1);
    const lines = refused.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^npm start: DATABASE_URL is required in production.*ALLOW_DEV_SECRETS=1/,
    );
    expect(await portOpen(Number(env.EMBEDDED_PG_PORT))).toBe(false);
  });

  it('starts with ALLOW_DEV_SECRETS=1 and says, one line each, what it allowed', async () => {
    run = npmStart({ ...env, ALLOW_DEV_SECRETS: '1' });
    await waitFor(run, 'Grahvani graph is running');
    const allowed = run
      .output()
      .split('\n')
      .filter((line) => line.startsWith('ALLOW_DEV_SECRETS: '));
    for (const what of [
      'embedded PostgreSQL',
      'AUTH_DATABASE_URL',
      'USERS_DATABASE_URL',
      'CLIENTS_DATABASE_URL',
      'JWT_PRIVATE_KEYS',
      'GATEWAY_SECRET',
      'APP_URL',
      'mail kept as files',
    ]) {
      expect(allowed.filter((line) => line.includes(what))).toHaveLength(1);
    }
    expect(run.output()).not.toContain('seed: created');
    expect(run.output()).not.toContain('sign in');
  });

  it('serves no Sandbox and refuses introspection', async () => {
    const page = await fetch(gatewayUrl, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await page.text()).not.toMatch(/<html|sandbox/i);
    const gateway = createGraphQLClient(gatewayUrl);
    const introspection = await gateway.gql('{ __schema { types { name } } }');
    expect(errorCodes(introspection)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(introspection.data).toBeUndefined();
  });

  it('has no demo accounts', async () => {
    const gateway = createGraphQLClient(gatewayUrl);
    for (const [email, password] of [
      ['astro@grahvani.dev', 'grahvani-astro-dev'],
      ['admin@grahvani.dev', 'grahvani-admin-dev'],
    ]) {
      const login = await gateway.gql(LOGIN, { input: { email, password } });
      expect(errorCodes(login)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('masks errors: no stack traces, no field suggestions, no parser details', async () => {
    const gateway = createGraphQLClient(gatewayUrl);
    const typo = await gateway.gql('{ mee { id } }');
    expect(errorCodes(typo)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(typo)).not.toMatch(/stacktrace|Did you mean|"me"/);
    const malformed = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(malformed.status).toBe(400);
    const body = await malformed.text();
    expect(body).not.toMatch(/stacktrace|at \w+ \(|SyntaxError|node_modules/);
  });

  it('keeps mail as files in the data directory', async () => {
    const gateway = createGraphQLClient(gatewayUrl);
    const registered = await gateway.gql<{ register: { accessToken: string } }>(REGISTER, {
      input: { email: 'first.user@example.com', password: 'a long production password 42' },
    });
    expect(registered.errors).toBeUndefined();
    const mailDir = path.join(dataDir, 'mail');
    const deadline = Date.now() + 10_000;
    let files: string[] = [];
    while (files.length === 0 && Date.now() < deadline) {
      files = await readdir(mailDir).catch(() => []);
      if (files.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(files.some((file) => file.endsWith('.eml'))).toBe(true);
  });

  it('serves /metrics and returns a request id', async () => {
    const gateway = createGraphQLClient(gatewayUrl);
    await gateway.gql('query Ping { __typename }');
    const metrics = await fetch(new URL('/metrics', gatewayUrl));
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^graphql_requests_total\{[^}]*operation="Ping"/m);
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('stops cleanly', async () => {
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(await portOpen(Number(env.GATEWAY_PORT))).toBe(false);
  });
});
