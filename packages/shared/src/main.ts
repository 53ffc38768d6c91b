import { isTransientDatabaseError } from './retry.ts';
import type { HttpService } from './http.ts';
import { startupConfig } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { startTracing, type Tracing } from './tracing.ts';

export interface RunnableService {
  server: HttpService;
  port: number;
  host: string;
  /** Releases resources after the server stopped (database pool...). */
  close?: () => Promise<void>;
}

/**
 * Entry point shared by every service's `index.ts`: starts tracing when configured (see
 * tracing.ts), builds the service, listens, stops cleanly on SIGINT/SIGTERM (flushing the spans
 * still buffered), and exits 1 with one clear line when it cannot start.
 */
export async function runService(
  name: string,
  build: (logger: Logger) => Promise<RunnableService>,
): Promise<void> {
  let logger: Logger;
  let service: RunnableService;
  let tracing: Tracing;
  try {
    const startup = startupConfig(name);
    logger = createLogger(name, startup.logLevel);
    tracing = await startTracing(startup.tracing);
    if (tracing.enabled) logger.info({ exportTo: tracing.exportTo }, 'tracing on');
    service = await build(logger);
    const url = await service.server.listen(service.port, service.host);
    logger.info({ url }, `${name} ready`);
  } catch (err) {
    const reason =
      (err as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? `port ${(err as { port?: number }).port ?? ''} is already in use`
        : isTransientDatabaseError(err)
          ? `cannot reach the database (${(err as Error).message})`
          : err instanceof Error
            ? err.message
            : String(err);
    process.stderr.write(`${name}: cannot start: ${reason}\n`);
    process.exit(1);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${name} stopping`);
    // The HTTP server gives requests in progress up to 10 s; closing the pools comes after.
    const timer = setTimeout(() => process.exit(1), 15_000).unref();
    try {
      await service.server.close();
      await service.close?.();
      await tracing.shutdown();
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
