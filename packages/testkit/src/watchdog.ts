// Cleans up after a graph whose process ended without stop(): a failed test that skipped its
// teardown, Ctrl-C, SIGTERM, even SIGKILL. A small detached node process holds a pipe from
// this process; when the pipe closes (however this process ended, or stop() closed it), it
// stops the PostgreSQL server recorded in `<dir>/pg/postmaster.pid` and deletes `dir`.
// Hand-written because exit hooks cannot cover SIGKILL and no kept library does this here.
import { spawn } from 'node:child_process';
import { once } from 'node:events';

// Plain CommonJS for `node -e`: it must run without a TypeScript loader.
const SOURCE = String.raw`
const fs = require('node:fs');
const path = require('node:path');
const dir = process.argv[1];
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const alive = (pid) => {
  try {
    const stat = fs.readFileSync('/proc/' + pid + '/stat', 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    try { process.kill(pid, 0); return true; } catch { return false; }
  }
};
let done = false;
const cleanup = () => {
  if (done) return;
  done = true;
  let pid = 0;
  try {
    pid = Number(fs.readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {}
  if (pid > 0 && alive(pid)) {
    try { process.kill(pid, 'SIGQUIT'); } catch {}
    for (let i = 0; i < 100 && alive(pid); i++) sleep(50);
    if (alive(pid)) try { process.kill(pid, 'SIGKILL'); } catch {}
  }
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.stdin.on('data', () => {});
process.stdin.on('end', cleanup);
process.stdin.on('error', cleanup);
process.stdin.on('close', cleanup);
`;

export interface Watchdog {
  /** The watchdog's process id. */
  pid: number;
  /** Closes the pipe (the watchdog cleans up whatever is left) and waits for it to exit. */
  release(): Promise<void>;
}

/** Starts a watchdog for `dir` (which holds the cluster in `pg/`). */
export async function startWatchdog(dir: string): Promise<Watchdog> {
  const child = spawn(process.execPath, ['-e', SOURCE, dir], {
    // Its own process group: a Ctrl-C to the test run must not end it before it cleaned up.
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    env: {},
  });
  await once(child, 'spawn');
  const exited = once(child, 'exit');
  // Neither the process nor its pipe keeps this process alive.
  child.unref();
  const { stdin } = child;
  if (stdin && 'unref' in stdin && typeof stdin.unref === 'function') stdin.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error('the graph watchdog did not start');
  return {
    pid,
    async release() {
      if (child.exitCode === null && child.signalCode === null) {
        stdin?.end();
        await exited;
      }
    },
  };
}
