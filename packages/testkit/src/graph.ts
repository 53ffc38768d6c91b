// startGraph: the whole graph for an integration test, on a database of its own. Everything
// lives in one temporary directory (cluster and mail); stop() closes the servers, stops
// PostgreSQL and deletes the directory, and a watchdog does the same if the process ends
// without stop().
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateTestDatabase, startTestDatabase, type TestDatabase } from './database.ts';
import type { GraphHelpers } from './helpers.ts';
import { startStack, type Stack } from './stack.ts';
import { startWatchdog } from './watchdog.ts';

export interface GraphOptions {
  /** Environment of every service (e.g. `{ LOG_LEVEL: 'info' }`, tighter limits). */
  env?: Record<string, string>;
  /** Environment of the gateway alone, on top of `env`. */
  gatewayEnv?: Record<string, string>;
}

export interface Graph extends GraphHelpers {
  /** The gateway's GraphQL endpoint. */
  url: string;
  /** The subgraphs' endpoints (they accept only requests carrying the gateway's proof). */
  subgraphUrls: Record<'auth' | 'users' | 'clients', string>;
  /** Superuser URL of the graph's database (to inspect or arrange data). */
  databaseUrl: string;
  /** The temporary directory holding the database cluster and the mail. */
  dir: string;
  /** Process ids this graph started and stop() ends (PostgreSQL, the watchdog). */
  pids: number[];
  /** Stops the servers and PostgreSQL and deletes `dir`; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL in a temporary directory on a free port, applies the migrations, and
 * starts the three subgraphs and the gateway on free ports, all in this process.
 */
export async function startGraph(options: GraphOptions = {}): Promise<Graph> {
  const dir = await mkdtemp(join(tmpdir(), 'grahvani-graph-'));
  const watchdog = await startWatchdog(dir).catch(async (err: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw err;
  });
  let database: TestDatabase | undefined;
  let stack: Stack | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      try {
        await stack?.close();
      } finally {
        try {
          await database?.stop();
        } finally {
          await rm(dir, { recursive: true, force: true });
          await watchdog.release();
        }
      }
    })());
  try {
    database = await startTestDatabase({ dir });
    const postgresPid = await database.pid();
    const databaseUrls = await migrateTestDatabase(database.url);
    const mailDir = join(dir, 'mail');
    await mkdir(mailDir);
    stack = await startStack({ ...options, databaseUrls, mailDir });
    return {
      gql: stack.gql,
      grantRole: stack.grantRole,
      graphql: stack.graphql,
      mailDir: stack.mailDir,
      signUp: stack.signUp,
      signInAs: stack.signInAs,
      astrologerWithClients: stack.astrologerWithClients,
      lastMailTo: stack.lastMailTo,
      url: stack.gatewayUrl,
      subgraphUrls: stack.subgraphUrls,
      databaseUrl: databaseUrls.owner,
      dir,
      pids: [postgresPid, watchdog.pid],
      stop,
    };
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
}
