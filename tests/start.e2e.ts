// `npm start` as a person runs it: a fresh data directory, the real processes, Ctrl-C.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createGraphQLClient } from './helpers/graphql.ts';
import { npmStart, portOpen, startEnvironment, waitFor, type Run } from './helpers/npmStart.ts';

const LOGIN = /* GraphQL */ `
  mutation ($input: LoginInput!) {
    login(input: $input) {
      accessToken
    }
  }
`;
const BOOK = /* GraphQL */ `
  {
    me {
      email
      profile {
        clients(first: 5) {
          totalCount
          edges {
            node {
              owner {
                account {
                  email
                }
              }
            }
          }
        }
      }
    }
  }
`;

// Each start initialises or boots PostgreSQL and four Node processes: minutes on a busy machine.
describe('npm start', { timeout: 180_000 }, () => {
  let dataDir: string;
  let env: Record<string, string>;
  let ports: number[];

  beforeAll(async () => {
    ({ dataDir, env, ports } = await startEnvironment('grahvani-start-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the seeded graph from a fresh data directory, refuses a second start, and stops cleanly', async () => {
    const run = npmStart(env);
    try {
      await waitFor(run, 'Grahvani graph is running');
      const gateway = createGraphQLClient(`http://127.0.0.1:${env.GATEWAY_PORT}/graphql`);
      const login = await gateway.gql<{ login: { accessToken: string } }>(LOGIN, {
        input: { email: 'astro@grahvani.dev', password: 'grahvani-astro-dev' },
      });
      const token = login.data!.login.accessToken;
      const book = await gateway.gql<{
        me: {
          email: string;
          profile: {
            clients: {
              totalCount: number;
              edges: { node: { owner: { account: { email: string } } } }[];
            };
          };
        };
      }>(BOOK, {}, { token });
      expect(book.errors).toBeUndefined();
      expect(book.data?.me.profile.clients.totalCount).toBe(5);
      expect(book.data?.me.profile.clients.edges[0]?.node.owner.account.email).toBe(
        'astro@grahvani.dev',
      );
      // The subgraphs answer only the gateway, whose secret npm start generated into .data.
      const users = `http://127.0.0.1:${env.USERS_PORT}/graphql`;
      expect((await createGraphQLClient(users).gql('{ __typename }')).status).toBe(401);
      const secret = readFileSync(path.join(dataDir, 'keys', 'gateway-secret'), 'utf8').trim();
      const proven = createGraphQLClient(users, { 'x-gateway-secret': secret });
      expect((await proven.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });

      // A second start on the same data directory: one clear line, exit 1, first one untouched.
      const second = npmStart(env);
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/already in use/);
      expect(second.output().trim().split('\n')).toHaveLength(1);
      expect((await gateway.gql('{ __typename }')).status).toBe(200);
    } finally {
      run.child.kill('SIGINT');
    }
    expect(await run.exited).toBe(0);
    for (const port of ports) expect(await portOpen(port)).toBe(false);
  });

  it('reuses the data on the next start', async () => {
    const run = npmStart(env);
    try {
      await waitFor(run, 'Grahvani graph is running');
      expect(run.output()).not.toContain('seed: created');
      expect(run.output()).not.toContain('migrate: ');
      const gateway = createGraphQLClient(`http://127.0.0.1:${env.GATEWAY_PORT}/graphql`);
      const login = await gateway.gql<{ login: { accessToken: string } }>(LOGIN, {
        input: { email: 'admin@grahvani.dev', password: 'grahvani-admin-dev' },
      });
      expect(login.data?.login.accessToken).toEqual(expect.any(String));
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
  });

  it('names a port that is in use and starts nothing', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) =>
      blocker.listen(Number(env.USERS_PORT), '127.0.0.1', resolve),
    );
    try {
      const run = npmStart(env);
      expect(await run.exited).toBe(1);
      expect(run.output().trim()).toBe(
        `npm start: port ${env.USERS_PORT} (users) is already in use`,
      );
      expect(await portOpen(Number(env.EMBEDDED_PG_PORT))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('uses DATABASE_URL instead of an embedded database, and seeds it only with SEED=1', async () => {
    const external = await mkdtemp(path.join(tmpdir(), 'grahvani-external-'));
    // A database of its own, so that no other test's seeding can answer for this one.
    const name = `grahvani_external_${process.pid}_${Date.now()}`;
    const owner = new URL(inject('databaseUrls').owner);
    const admin = new pg.Client({ connectionString: owner.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    owner.pathname = `/${name}`;
    const startWith = async (extra: Record<string, string>) => {
      const run = npmStart({
        ...env,
        DATA_DIR: external,
        DATABASE_URL: owner.toString(),
        ...extra,
      });
      await waitFor(run, 'Grahvani graph is running');
      return run;
    };
    const stop = async (run: Run) => {
      run.child.kill('SIGTERM');
      await run.exited;
    };
    const gateway = createGraphQLClient(`http://127.0.0.1:${env.GATEWAY_PORT}/graphql`);
    const astroLogin = () =>
      gateway.gql<{ login: { accessToken: string } }>(LOGIN, {
        input: { email: 'astro@grahvani.dev', password: 'grahvani-astro-dev' },
      });
    await admin.end();
    const probe = new pg.Client({ connectionString: owner.toString() });
    try {
      // Without SEED: migrated, served, and no demo account with a published password.
      let run = await startWith({});
      try {
        expect(run.output()).toContain('database  DATABASE_URL');
        expect(run.output()).not.toContain('seed: created');
        expect(run.output()).not.toContain('sign in ');
        expect(existsSync(path.join(external, 'pg'))).toBe(false);
        expect((await astroLogin()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      } finally {
        await stop(run);
      }
      await probe.connect();
      const count = async () =>
        Number(
          (
            await probe.query<{ n: string }>(
              `SELECT count(*)::text AS n FROM app_auth.auth_users WHERE email LIKE '%@grahvani.dev'`,
            )
          ).rows[0]?.n,
        );
      expect(await count()).toBe(0);
      // With SEED=1: the demo accounts, as on the embedded database.
      run = await startWith({ SEED: '1' });
      try {
        expect(run.output()).toContain('seed: created');
        expect((await astroLogin()).data?.login.accessToken).toEqual(expect.any(String));
      } finally {
        await stop(run);
      }
      expect(await count()).toBe(2);
    } finally {
      await probe.end().catch(() => {});
      await rm(external, { recursive: true, force: true });
    }
  });

  it.runIf(process.getuid?.() === 0)(
    'explains when the postgres user cannot reach the data directory (running as root)',
    async () => {
      const locked = await mkdtemp(path.join(tmpdir(), 'grahvani-locked-'));
      await chmod(locked, 0o700);
      try {
        const run = npmStart({ ...env, DATA_DIR: path.join(locked, '.data') });
        expect(await run.exited).toBe(1);
        expect(run.output().trim()).toMatch(
          /"postgres" user, which cannot enter .*grahvani-locked-/,
        );
      } finally {
        await rm(locked, { recursive: true, force: true });
      }
    },
  );

  it('refuses to seed demo accounts in production', async () => {
    const run = npmStart({ ...env, NODE_ENV: 'production', SEED: 'true' });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe('npm start: SEED is refused in production');
  });

  it.each([
    [
      'unreachable',
      'postgresql://nobody:nothing@127.0.0.1:1/grahvani',
      /cannot prepare the database/,
    ],
    ['malformed', 'not a url', /DATABASE_URL is not a valid URL/],
  ])('fails in one line on an %s DATABASE_URL', async (_kind, url, message) => {
    const run = npmStart({ ...env, DATABASE_URL: url });
    expect(await run.exited).toBe(1);
    expect(run.output().trim().split('\n')).toHaveLength(1);
    expect(run.output()).toMatch(message);
  });
});
