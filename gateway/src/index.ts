import { readFile } from 'node:fs/promises';
import { runService } from '@grahvani/shared/main';
import { loadConfig } from './config.ts';
import { createGateway } from './server.ts';

await runService('gateway', async (logger) => {
  const config = loadConfig();
  logger.level = config.logLevel;
  const supergraphSdl = await readFile(config.supergraphPath, 'utf8');
  const server = await createGateway({ config, logger, supergraphSdl });
  return { server, port: config.port, host: config.host };
});
