import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { StackConfig } from './config.ts';
import { embeddedOptions } from './embedded.ts';
import { withOwnerDatabase } from './ownerDatabase.ts';

/**
 * Runs `fn` with the owner's URL of the database as it is now: DATABASE_URL; else the embedded
 * development database that `npm start` is running (a backup must not need the graph stopped);
 * else the embedded database started for the occasion and stopped afterwards.
 */
export async function withCurrentDatabase<T>(
  config: StackConfig,
  fn: (ownerUrl: string) => Promise<T>,
): Promise<T> {
  if (!config.databaseUrl) {
    const options = embeddedOptions(config);
    // Loaded only without DATABASE_URL: production installs carry no @grahvani/devtools.
    const { runningPostmasterPid } = await import('@grahvani/devtools/embedded');
    if (await runningPostmasterPid(options.dir)) {
      // postmaster.pid: pid, data directory, start time, port, ...
      const lines = (await readFile(path.join(options.dir, 'postmaster.pid'), 'utf8')).split('\n');
      const port = Number(lines[3]) || options.port;
      const password = encodeURIComponent(options.password);
      return fn(`postgresql://postgres:${password}@127.0.0.1:${port}/${options.database}`);
    }
  }
  return withOwnerDatabase(config, fn);
}
