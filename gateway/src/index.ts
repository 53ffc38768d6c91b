import cluster from 'node:cluster';
import { readFile } from 'node:fs/promises';
import { createLogger } from '@grahvani/shared';
import { runService } from '@grahvani/shared/main';
import { loadConfig } from './config.ts';
import { createGateway } from './server.ts';
import { runWorkers } from './workers.ts';

/** GATEWAY_WORKERS; a configuration error is reported by runService below. */
function workerCount(): number {
  try {
    return loadConfig().workers;
  } catch {
    return 1;
  }
}

const workers = cluster.isPrimary ? workerCount() : 1;
if (workers > 1) {
  runWorkers(workers, createLogger('gateway', loadConfig().logLevel));
} else {
  await runService('gateway', async (logger) => {
    const config = loadConfig();
    logger.level = config.logLevel;
    const supergraphSdl = await readFile(config.supergraphPath, 'utf8');
    const server = await createGateway({ config, logger, supergraphSdl });
    return { server, port: config.port, host: config.host };
  });
}
