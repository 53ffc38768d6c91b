import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { ROOT } from './config.ts';

/** Resolves when `port` on `host` can be bound, rejects naming the port otherwise. */
export function assertPortFree(port: number, label: string, host = '127.0.0.1'): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new Error(
          err.code === 'EADDRINUSE'
            ? `port ${port} (${label}) is already in use`
            : `cannot listen on port ${port} (${label}): ${err.message}`,
        ),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
}

/**
 * Starts a service with `env`, its output going to ours: a source entry (`src/index.ts`) under
 * tsx, a built one (`dist/index.js`, `npm run build`) as plain JavaScript.
 */
export function startService(name: string, entry: string, env: NodeJS.ProcessEnv): ServiceProcess {
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, path.join(ROOT, entry)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { name, child, exited };
}

/**
 * Polls `url` until it answers 200; fails when `process` exits first or after `timeoutMs`
 * (generous: four services compiling under tsx on a busy two-core machine take a while).
 */
export async function waitForHealthy(service: ServiceProcess, url: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void service.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${service.name} exited during start-up`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${service.name} did not become healthy within ${timeoutMs / 1000} s`);
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when every process has exited. */
export async function stopAll(services: ServiceProcess[], graceMs = 10_000) {
  await Promise.all(
    services.map(async ({ child, exited }) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }),
  );
}

/**
 * Calls `onGone` once when the process that started us has gone (we were re-parented), and
 * returns the stop function. Node has no `prctl(PR_SET_PDEATHSIG)` and no portable parent-death
 * event, and the standard streams cannot tell (npm passes its own terminal on, not a pipe of
 * its own), so the parent pid is polled: once a second costs nothing and bounds how long an
 * orphaned graph keeps its ports. A pid of 1 or 0 at start (a container's init) never changes.
 */
export function watchParent(onGone: () => void, intervalMs = 1_000): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
