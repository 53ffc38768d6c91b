import { poolOptions } from '@grahvani/shared';
import { runService } from '@grahvani/shared/main';
import { loadConfig } from './config.ts';
import { createDb } from './db.ts';
import { createServer } from './server.ts';

await runService('users', async (logger) => {
  const config = loadConfig();
  logger.level = config.logLevel;
  const db = createDb(config.databaseUrl, poolOptions(config));
  const server = await createServer({ db, config, logger });
  return { server, port: config.port, host: config.host, close: () => db.$disconnect() };
});
