import path from 'node:path';
import type { EmbeddedDatabaseOptions } from '@grahvani/devtools/embedded';
import type { StackConfig } from './config.ts';

/** The development cluster: `.data/pg`, loopback only, a fixed local password. */
export function embeddedOptions(config: StackConfig): EmbeddedDatabaseOptions {
  return {
    dir: path.join(config.dataDir, 'pg'),
    port: config.embeddedPort,
    database: 'grahvani',
    password: 'grahvani-dev',
  };
}
