// The graph behind a real PgBouncer in transaction mode, wired as docker-compose.yml and the
// Kubernetes manifests wire it: queries on the pooled URLs (*_DATABASE_URL → PgBouncer),
// LISTEN for revocations on the direct ones (*_DIRECT_DATABASE_URL → PostgreSQL).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { errorCodes, tokenOutcome, type GraphQLClient } from './helpers/graphql.ts';
import { startPgBouncer, type PgBouncer } from './helpers/pgbouncer.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const CREATE_CLIENT = /* GraphQL */ `
  mutation CreateClient($input: CreateClientInput!) {
    createClient(input: $input) {
      id
      name
      owner {
        id
      }
    }
  }
`;
const CLIENT_BY_ID = /* GraphQL */ `
  query ClientById($id: ID!) {
    client(id: $id) {
      id
      name
      owner {
        id
        account {
          email
        }
      }
    }
  }
`;
const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
    }
  }
`;

/** Rows of one admin-console command (simple protocol, as the console requires). */
async function adminConsole<T>(adminUrl: string, command: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query(command)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('through PgBouncer in transaction mode', () => {
  const direct = inject('databaseUrls');
  let bouncer: PgBouncer;
  let stack: Stack;
  let astro: TestAccount;

  beforeAll(async () => {
    bouncer = await startPgBouncer(direct.owner, [
      direct.owner,
      direct.auth,
      direct.users,
      direct.clients,
    ]);
    stack = await startStack({
      databaseUrls: {
        auth: bouncer.pooled(direct.auth),
        users: bouncer.pooled(direct.users),
        clients: bouncer.pooled(direct.clients),
      },
      directDatabaseUrls: { auth: direct.auth, users: direct.users, clients: direct.clients },
    });
    astro = await registerAccount(stack, { name: 'Pooled Astrologer' });
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
    await bouncer?.stop();
  });

  it('refuses a statement_timeout startup parameter, so the services must not send one', async () => {
    const client = new pg.Client({
      connectionString: bouncer.pooled(direct.auth),
      statement_timeout: 1_000,
    });
    await expect(client.connect()).rejects.toThrow();
    await client.end().catch(() => {});
  });

  it('keeps the timeout anyway: the role default that migrations set', async () => {
    const rows =
      await stack.db.auth.$queryRawUnsafe<{ statement_timeout: string }[]>(
        'SHOW statement_timeout',
      );
    expect(rows[0]?.statement_timeout).toBe('30s');
  });

  it('signs up, logs in, creates a client and reads it across the subgraphs', async () => {
    const login = await stack.gql<{ login: { accessToken: string } }>(LOGIN, {
      input: { email: astro.email, password: astro.password },
    });
    expect(login.errors).toBeUndefined();
    const token = login.data?.login.accessToken ?? '';
    const created = await stack.gql<{ createClient: { id: string; owner: { id: string } } }>(
      CREATE_CLIENT,
      { input: { name: 'Rahul Sharma' } },
      { token },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data?.createClient.id ?? '';
    const read = await stack.gql<{
      client: { name: string; owner: { id: string; account: { email: string } } };
    }>(CLIENT_BY_ID, { id }, { token });
    expect(read.errors).toBeUndefined();
    expect(read.data?.client).toMatchObject({
      name: 'Rahul Sharma',
      owner: { account: { email: astro.email } },
    });

    // The tenant is set per transaction: a pooled server connection another astrologer's
    // request reuses carries none of it.
    const other = await registerAccount(stack);
    for (let i = 0; i < 5; i++) {
      const foreign = await stack.gql(CLIENT_BY_ID, { id }, { token: other.accessToken });
      expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    }
  });

  it('refuses a logged-out token at the gateway and the subgraphs (LISTEN on the direct URL)', async () => {
    const account = await registerAccount(stack);
    const targets: [GraphQLClient, string[]][] = [
      [stack, ['TOKEN_IGNORED']],
      [stack.subgraph('auth'), ['UNAUTHENTICATED']],
      [stack.subgraph('users'), ['UNAUTHENTICATED']],
      [stack.subgraph('clients'), ['UNAUTHENTICATED']],
    ];
    const outcome = async (client: GraphQLClient) =>
      tokenOutcome(await client.gql('{ __typename }', {}, { token: account.accessToken }));
    for (const [client] of targets) expect(await outcome(client)).toEqual([]);
    const logout = await stack.gql('mutation { logout }', {}, { token: account.accessToken });
    expect(logout.errors).toBeUndefined();
    for (const [client, refused] of targets) {
      await expect.poll(() => outcome(client), { timeout: 2_000, interval: 25 }).toEqual(refused);
    }
  });

  it('carried every service role: each has clients and transactions in PgBouncer', async () => {
    const clients = await adminConsole<{ user: string; database: string }>(
      bouncer.adminUrl,
      'SHOW CLIENTS',
    );
    const users = new Set(clients.filter((c) => c.database === 'grahvani').map((c) => c.user));
    expect([...users].sort()).toEqual(['auth_svc', 'clients_svc', 'users_svc']);
    const stats = await adminConsole<{ database: string; total_xact_count: string }>(
      bouncer.adminUrl,
      'SHOW STATS',
    );
    const grahvani = stats.find((s) => s.database === 'grahvani');
    expect(Number(grahvani?.total_xact_count)).toBeGreaterThan(10);
  });
});
