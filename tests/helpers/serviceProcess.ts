// One service as its own process (`node --import tsx <entry>`, as `npm start` runs it, or
// `node <package>/dist/index.js` when the entry is compiled JavaScript, as production runs it):
// for tests that send it signals (SIGKILL, SIGTERM, SIGSTOP).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface ServiceProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  /** Resolves with the exit code (null when ended by a signal). */
  exited: Promise<number | null>;
  output(): string;
}

/**
 * Starts `entry` (e.g. subgraphs/clients/src/index.ts, or a built subgraphs/clients/dist/index.js)
 * on `port`; resolves once /health answers.
 */
export async function startServiceProcess(
  entry: string,
  port: number,
  env: Record<string, string>,
  timeoutMs = 60_000,
  /** Extra Node options (e.g. the benchmark's --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs: string[] = [],
): Promise<ServiceProcess> {
  let output = '';
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...loader, path.resolve(entry)], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'error', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited during start:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${entry} did not start:\n${output}`);
    }
    try {
      const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, url: `${base}/graphql`, exited, output: () => output };
}

/** Sends `signal` unless the process already ended; resolves when it has exited. */
export async function stopServiceProcess(
  service: ServiceProcess | undefined,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<void> {
  if (!service || service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill(signal);
  await service.exited;
}
