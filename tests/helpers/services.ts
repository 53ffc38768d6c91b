// Only the services a test is about (packages/testkit/src/services.ts) on the test run's
// database, with their mail in the run's mail directory: a test of one subgraph starts that
// subgraph alone, so its failures show next to their cause. Tests of the federated graph
// (composition, entities across subgraphs, the gateway) use startStack (helpers/stack.ts).
import { inject } from 'vitest';
import {
  startServices as startKitServices,
  startSubgraph as startKitSubgraph,
  type MintedAccount,
  type Services,
  type ServicesOptions as KitServicesOptions,
  type SubgraphUnderTest,
} from '@grahvani/testkit/services';
import type { SubgraphName } from '@grahvani/testkit/stack';
import { createMailDir } from '../fixtures/mail.ts';

export type { MintedAccount, Services, SubgraphName, SubgraphUnderTest };

/** Environment overrides for the services (e.g. tighter limits). */
export type ServicesOptions = Partial<KitServicesOptions>;

async function kitOptions(options: ServicesOptions): Promise<KitServicesOptions> {
  const testLogLevel = process.env.TEST_LOG_LEVEL;
  return {
    ...options,
    databaseUrls: options.databaseUrls ?? inject('databaseUrls'),
    mailDir: options.env?.MAIL_DIR ?? options.mailDir ?? (await createMailDir()),
    env: { ...(testLogLevel ? { LOG_LEVEL: testLogLevel } : {}), ...options.env },
  };
}

/** Starts `names` alone on the test run's database (no gateway). */
export async function startServices(
  names: SubgraphName[],
  options: ServicesOptions = {},
): Promise<Services> {
  return startKitServices(names, await kitOptions(options));
}

/** Starts one subgraph alone; its `gql` sends as the gateway would. */
export async function startSubgraph(
  name: SubgraphName,
  options: ServicesOptions = {},
): Promise<SubgraphUnderTest> {
  return startKitSubgraph(name, await kitOptions(options));
}
