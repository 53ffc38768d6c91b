// GATEWAY_WORKERS: N gateway processes sharing one port through node:cluster (the primary
// accepts connections and hands them to the workers in turn), for machines with more cores
// than one Node process can use. The primary serves nothing itself: it starts the workers,
// keeps the request-rate counters they share (sharedRateStore.ts), and stops them on SIGTERM.
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '@grahvani/shared';
import { serveRateStore } from './sharedRateStore.ts';

/** Longest a stop waits for the workers (each gives requests in progress 10 s, 15 s at most). */
const STOP_DEADLINE_MS = 20_000;

/**
 * Runs `count` workers (each a whole gateway, this same entry point) until SIGTERM or SIGINT,
 * which is passed on to every worker: the process exits when all have, with code 0 if they all
 * stopped cleanly. A worker that exits on its own (a crash, a failed start) stops the others
 * and the primary exits 1, so the supervisor (Kubernetes, Compose) restarts the whole gateway
 * rather than the primary restarting a worker that fails at every start.
 */
export function runWorkers(count: number, logger: Logger): void {
  const workers = new Set<Worker>();
  let stopping = false;
  let exitCode = 0;
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason, workers: workers.size }, 'gateway stopping its workers');
    for (const worker of workers) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of workers) worker.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
  };
  cluster.on('exit', (worker, code, signal) => {
    workers.delete(worker);
    if (code !== 0) exitCode = 1;
    if (!stopping) {
      logger.error({ pid: worker.process.pid, code, signal }, 'gateway worker exited');
      exitCode = 1;
      stop('a worker exited');
    }
    if (workers.size === 0) process.exit(exitCode);
  });
  serveRateStore();
  for (let i = 0; i < count; i++) workers.add(cluster.fork());
  logger.info({ workers: count }, 'gateway workers started');
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
