// Big client books for the scale benchmark (`npm run bench -- --scale`) and the tests that
// need real volumes (query plans at 20,000 rows): clients go in through the real import path
// (contract ImportClients, polled with ClientImport until COMPLETED), as a new astrologer's
// book would. Records that have no import path (consultations, notes, activity, followers,
// accounts) are written in bulk by SQL as the database owner, so no time goes on them.
import pg from 'pg';
import type { GraphQLClient, GraphQLResponse } from './graphql.ts';

const IMPORT = /* GraphQL */ `
  mutation ImportClients($csv: String!) {
    importClients(csv: $csv) {
      id
      status
      totalCount
      successCount
      failedCount
    }
  }
`;
const POLL = /* GraphQL */ `
  query ClientImport($id: ID!) {
    clientImport(id: $id) {
      id
      status
      totalCount
      successCount
      failedCount
    }
  }
`;

interface ImportState {
  id: string;
  status: string;
  totalCount: number;
  successCount: number;
  failedCount: number;
}

/** How many distinct tags the generated clients carry (`t0`...`t9`), one in ten each. */
export const TAG_COUNT = 10;

/**
 * CSV text of `count` clients, rows `from`..`from + count - 1` of a book: client `n` is named
 * `Client <batch>-<n>` (so `Client 1-12` finds 1-12, 1-120...1-129, 1-1200...1-1299),
 * e-mail `c<batch>-<n>@example.com`, and carries tag `t<n mod 10>` (plus `vip` for one in 50).
 */
export function clientCsv(batch: number, count: number, from = 0): string {
  const lines = ['name,email,phone,tags'];
  for (let n = from; n < from + count; n++) {
    const phone = `+9198${String(batch % 100).padStart(2, '0')}${String(n).padStart(6, '0')}`;
    const tags = n % 50 === 0 ? `t${n % TAG_COUNT};vip` : `t${n % TAG_COUNT}`;
    lines.push(`Client ${batch}-${n},c${batch}-${n}@example.com,${phone},${tags}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Rows per ImportClients call (well under the gateway's 6 MB body limit). */
export const IMPORT_ROWS = 10_000;

/**
 * Imports `count` generated clients into the book of the account holding `token`, through the
 * gateway, in files of at most IMPORT_ROWS rows, each awaited until COMPLETED. Throws unless
 * every row was imported.
 */
export async function importClientBook(
  graph: GraphQLClient,
  token: string,
  count: number,
  options: { batch?: number; pollMs?: number } = {},
): Promise<void> {
  const batch = options.batch ?? 1;
  for (let from = 0; from < count; from += IMPORT_ROWS) {
    const rows = Math.min(IMPORT_ROWS, count - from);
    const res = await graph.gql<{ importClients: ImportState }>(
      IMPORT,
      { csv: clientCsv(batch, rows, from) },
      { token },
    );
    const accepted = res.data?.importClients;
    if (!accepted) throw new Error(`importClients failed: ${JSON.stringify(res.errors)}`);
    let state: ImportState = accepted;
    while (state.status === 'PENDING' || state.status === 'PROCESSING') {
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 200));
      state = await pollImport(graph, token, state.id);
    }
    if (state.status !== 'COMPLETED' || state.successCount !== rows)
      throw new Error(`import ${state.id} ended ${state.status}: ${JSON.stringify(state)}`);
  }
}

/** Polls attempts before a poll gives up on a busy graph. */
const POLL_ATTEMPTS = 10;

/**
 * One ClientImport poll. A read, so it is asked again (as a frontend would) when the graph is too
 * busy to answer in time (SUBGRAPH_UNAVAILABLE, a reset connection): imports of tens of thousands
 * of rows run while the machine is loaded, and the import goes on regardless of one lost poll.
 */
async function pollImport(graph: GraphQLClient, token: string, id: string): Promise<ImportState> {
  for (let attempt = 1; ; attempt++) {
    let polled: GraphQLResponse<{ clientImport: ImportState }> | undefined;
    let failure: unknown;
    try {
      polled = await graph.gql<{ clientImport: ImportState }>(POLL, { id }, { token });
    } catch (err) {
      failure = err;
    }
    if (polled?.data?.clientImport) return polled.data.clientImport;
    const busy =
      failure !== undefined ||
      polled?.errors?.every((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE') === true;
    if (!busy || attempt >= POLL_ATTEMPTS)
      throw new Error(`clientImport failed: ${JSON.stringify(polled?.errors ?? String(failure))}`);
    await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
  }
}

/** Runs `fn` with a connection to `ownerUrl` (a superuser: bulk writes skip row-level security). */
export async function asOwner<T>(ownerUrl: string, fn: (db: pg.Client) => Promise<T>) {
  const db = new pg.Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

/**
 * Gives one client `count` consultations, notes and activity entries, a minute apart (newest
 * now), in three INSERT ... SELECT statements.
 */
export async function seedClientRecords(
  db: pg.Client,
  tenantId: string,
  clientId: string,
  count: number,
): Promise<void> {
  const at = `now() - make_interval(mins => n)`;
  await db.query(
    `INSERT INTO app_clients.client_consultations (tenant_id, client_id, type, date, duration_minutes, notes)
     SELECT $1::uuid, $2::uuid, 'VIDEO', ${at}, 30, 'Session ' || n FROM generate_series(1, $3::int) n`,
    [tenantId, clientId, count],
  );
  await db.query(
    `INSERT INTO app_clients.client_notes (tenant_id, client_id, content, created_at)
     SELECT $1::uuid, $2::uuid, 'Note ' || n, ${at} FROM generate_series(1, $3::int) n`,
    [tenantId, clientId, count],
  );
  await db.query(
    `INSERT INTO app_clients.client_activity_logs (tenant_id, client_id, action, created_at)
     SELECT $1::uuid, $2::uuid, 'client.updated', ${at} FROM generate_series(1, $3::int) n`,
    [tenantId, clientId, count],
  );
}

/**
 * Creates `count` ACTIVE accounts (auth users with their user profiles) named `Member <n>`;
 * they cannot sign in (no password). Returns their profile ids.
 */
export async function seedAccounts(db: pg.Client, count: number, prefix = 'member') {
  const { rows } = await db.query<{ id: string }>(
    `WITH accounts AS (
       INSERT INTO app_auth.auth_users (email, name, role, status, email_verified, created_at, updated_at)
       SELECT $2 || '-' || n || '-' || substr(md5(random()::text), 1, 8) || '@example.com',
              'Member ' || n, 'USER', 'ACTIVE', true,
              now() - make_interval(secs => n), now()
         FROM generate_series(1, $1::int) n
       RETURNING id, email, name, created_at)
     INSERT INTO app_users.users (auth_user_id, email, name, created_at, updated_at)
     SELECT id, email, name, created_at, now() FROM accounts
     RETURNING id::text AS id`,
    [count, prefix],
  );
  return rows.map((r) => r.id);
}

/** Makes every profile of `followerIds` follow `userId` (a second apart), counts included. */
export async function seedFollowers(db: pg.Client, userId: string, followerIds: string[]) {
  await db.query(
    `INSERT INTO app_users.user_followers (follower_id, following_id, created_at)
     SELECT f, $1::uuid, now() - make_interval(secs => o::int)
       FROM unnest($2::uuid[]) WITH ORDINALITY AS x(f, o)`,
    [userId, followerIds],
  );
  await db.query(
    `UPDATE app_users.users SET following_count = following_count + 1 WHERE id = ANY($1::uuid[])`,
    [followerIds],
  );
  await db.query(
    `UPDATE app_users.users SET follower_count = follower_count + $2 WHERE id = $1::uuid`,
    [userId, followerIds.length],
  );
}
