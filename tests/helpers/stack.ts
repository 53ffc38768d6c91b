// The whole graph in this process, as tests need it: the integration-test kit's stack
// (packages/testkit/src/stack.ts) on the test run's database (vitest global setup), with its
// mail in the run's mail directory. Each test file starts its own stack.
import { inject } from 'vitest';
import {
  startStack as startKitStack,
  type Stack,
  type StackOptions as KitStackOptions,
} from '@grahvani/testkit/stack';
import { createMailDir } from '../fixtures/mail.ts';

export type { Stack };

/** Environment overrides for one stack (e.g. tighter limits). */
export interface StackOptions extends Omit<KitStackOptions, 'databaseUrls' | 'mailDir'> {
  /** Where to connect; by default the test run's database (vitest global setup). */
  databaseUrls?: KitStackOptions['databaseUrls'];
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const testLogLevel = process.env.TEST_LOG_LEVEL;
  return startKitStack({
    ...options,
    databaseUrls: options.databaseUrls ?? inject('databaseUrls'),
    // Mail goes into the run's mail directory, removed when the run ends (unless the caller,
    // e.g. the benchmark outside vitest, names its own).
    mailDir: options.env?.MAIL_DIR ?? (await createMailDir()),
    env: { ...(testLogLevel ? { LOG_LEVEL: testLogLevel } : {}), ...options.env },
  });
}
