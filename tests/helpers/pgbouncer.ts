// A real PgBouncer (Debian's package, installed when missing) in front of a test PostgreSQL,
// run with production's docker/pgbouncer/pgbouncer.ini (transaction mode, SCRAM, unknown
// startup parameters refused); only the addresses, file paths and admin console differ.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureDebianPackage } from './debian.ts';
import { findFreePort } from './embedded-db.ts';

export interface PgBouncer {
  /** `url` (a role's URL on the PostgreSQL server) rewritten to go through PgBouncer. */
  pooled(url: string): string;
  /** The admin console (SHOW POOLS, SHOW STATS...) as the user `admin` of `adminUrl`. */
  adminUrl: string;
  stop(): Promise<void>;
}

/** Quotes a value for PgBouncer's auth_file: "value", inner quotes doubled. */
const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

/**
 * Starts PgBouncer on a free loopback port, forwarding every database to the server of
 * `serverUrl`. `roleUrls` are the URLs whose users may log in (their passwords go in the
 * auth file, as PgBouncer needs them to log in to PostgreSQL with SCRAM); the first is the admin.
 */
export async function startPgBouncer(serverUrl: string, roleUrls: string[]): Promise<PgBouncer> {
  const program = ensureDebianPackage('pgbouncer', '/usr/sbin/pgbouncer');
  const dir = await mkdtemp(join(tmpdir(), 'grahvani-pgbouncer-'));
  // PgBouncer refuses to run as root: it drops to the package's `postgres` user (-u), which
  // must be able to read its files in this directory.
  await chmod(dir, 0o777);
  const server = new URL(serverUrl);
  const port = await findFreePort();
  const users = roleUrls.map((u) => new URL(u));
  const userlist = users
    .map((u) => `${quote(decodeURIComponent(u.username))} ${quote(decodeURIComponent(u.password))}`)
    .join('\n');
  const admin = users[0];
  if (!admin) throw new Error('startPgBouncer needs at least one role');
  // The production configuration, with this run's directory, port and admin console.
  const production = await readFile('docker/pgbouncer/pgbouncer.ini', 'utf8');
  const ini = [
    production
      .replaceAll('/tmp/pgbouncer/', `${dir}/`)
      .replace(/^listen_addr = .*$/m, 'listen_addr = 127.0.0.1')
      .replace(/^listen_port = .*$/m, `listen_port = ${port}`),
    `admin_users = ${decodeURIComponent(admin.username)}`,
    '',
  ].join('\n');
  if (!ini.includes(`listen_port = ${port}`) || !ini.includes(`%include ${dir}/databases.ini`)) {
    throw new Error('docker/pgbouncer/pgbouncer.ini no longer has the lines this helper adapts');
  }
  await writeFile(
    join(dir, 'databases.ini'),
    `[databases]\n* = host=${server.hostname} port=${server.port}\n`,
    { mode: 0o644 },
  );
  await writeFile(join(dir, 'userlist.txt'), `${userlist}\n`, { mode: 0o644 });
  await writeFile(join(dir, 'pgbouncer.ini'), ini, { mode: 0o644 });
  const asRoot = process.getuid?.() === 0;
  const child = spawn(
    program,
    [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM'); // immediate shutdown
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, () => child.exitCode !== null);
  } catch (err) {
    await stop();
    throw new Error(`PgBouncer did not start: ${String(err)}\n${stderr}`, { cause: err });
  }
  const pooled = (url: string) => {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(port);
    return parsed.toString();
  };
  const adminUrl = new URL(pooled(admin.toString()));
  adminUrl.pathname = '/pgbouncer';
  return { pooled, adminUrl: adminUrl.toString(), stop };
}

async function waitForPort(port: number, failed: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (failed()) throw new Error('exited');
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`nothing listens on ${port} after ${timeoutMs} ms`);
}
