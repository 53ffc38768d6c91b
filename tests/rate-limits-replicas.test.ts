// Issue 15: the limits that guard accounts and imports hold across replicas. Two gateways, each
// in front of its own replica of the auth and clients services (one database): sign-ups from
// one address and imports of one tenant, alternating between them, are counted together: the
// request after the limit is refused whichever replica it reaches (per-replica counters would
// allow twice as many).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type HttpService } from '@grahvani/shared';
import { composeSupergraph } from '../gateway/src/compose.ts';
import { loadConfig as loadGatewayConfig } from '../gateway/src/config.ts';
import { createGateway } from '../gateway/src/server.ts';
import { loadConfig as loadAuthConfig } from '../subgraphs/auth/src/config.ts';
import { createDb as createAuthDb } from '../subgraphs/auth/src/db.ts';
import { createServer as createAuthServer } from '../subgraphs/auth/src/server.ts';
import { loadConfig as loadClientsConfig } from '../subgraphs/clients/src/config.ts';
import { createDb as createClientsDb } from '../subgraphs/clients/src/db.ts';
import { createServer as createClientsServer } from '../subgraphs/clients/src/server.ts';
import { registerAccount } from './fixtures/accounts.ts';
import { op } from './fixtures/clients.ts';
import {
  exactly,
  from,
  fromNewAddresses,
  newAddress,
  retryAfterOf,
  withinOneWindow,
} from './fixtures/rateLimits.ts';
import { createGraphQLClient, errorCodes, type GraphQLClient } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const SIGN_UPS = 4;
const IMPORTS = 4;
const logger = createLogger('replica', 'silent');

let stack: Stack;
let gateways: GraphQLClient[];
const cleanups: (() => Promise<void>)[] = [];

async function listen(service: HttpService): Promise<string> {
  const url = await service.listen(0);
  cleanups.push(() => service.close());
  return url;
}

beforeAll(async () => {
  stack = await startStack({
    env: {
      RATE_LIMITS: 'on',
      RATE_LIMIT_REGISTER_PER_HOUR: String(SIGN_UPS),
      RATE_LIMIT_IMPORTS_PER_HOUR: String(IMPORTS),
    },
  });
  const authConfig = await loadAuthConfig(stack.env);
  const authDb = createAuthDb(authConfig.databaseUrl, { max: 2 });
  const clientsConfig = loadClientsConfig(stack.env);
  const clientsDb = createClientsDb(clientsConfig.databaseUrl, { max: 2 });
  cleanups.push(() => Promise.all([authDb.$disconnect(), clientsDb.$disconnect()]).then(() => {}));
  const urls = {
    ...stack.subgraphUrls,
    auth: await listen(await createAuthServer({ db: authDb, config: authConfig, logger })),
    clients: await listen(
      await createClientsServer({ db: clientsDb, config: clientsConfig, logger }),
    ),
  };
  const config = loadGatewayConfig({
    ...stack.env,
    AUTH_SUBGRAPH_URL: urls.auth,
    USERS_SUBGRAPH_URL: urls.users,
    CLIENTS_SUBGRAPH_URL: urls.clients,
  });
  const { supergraphSdl } = composeSupergraph(urls);
  const second = createGraphQLClient(
    await listen(await createGateway({ config, logger, supergraphSdl })),
  );
  gateways = [stack, second];
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await stack?.close();
});

describe('across replicas', () => {
  it('counts sign-ups from one address on every replica together', async () => {
    const address = newAddress();
    const register = (i: number) =>
      gateways[i % 2]!.gql(
        `mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }`,
        {
          input: {
            email: `replica-${randomUUID()}@example.com`,
            password: 'correct horse battery staple',
            name: 'Replica',
          },
        },
        from(address),
      );
    await withinOneWindow(3600);
    const refused = await exactly(SIGN_UPS, register);
    retryAfterOf(refused, 3600);
    // Both replicas now refuse the address, and serve another one.
    for (const [i] of gateways.entries()) {
      expect(errorCodes(await register(i))).toEqual(['RATE_LIMITED']);
    }
    const elsewhere = await gateways[1]!.gql(
      `mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }`,
      {
        input: {
          email: `replica-${randomUUID()}@example.com`,
          password: 'correct horse battery staple',
          name: 'Replica',
        },
      },
      from(newAddress()),
    );
    expect(errorCodes(elsewhere)).toEqual([]);
  });

  it('counts imports of one tenant on every replica together; another tenant imports', async () => {
    const [tenant, other] = [
      await registerAccount(fromNewAddresses(stack)),
      await registerAccount(fromNewAddresses(stack)),
    ];
    const importCsv = (gateway: GraphQLClient, token: string) =>
      gateway.gql(
        op('ImportClients'),
        { csv: `name,email\nReplica ${randomUUID()},r-${randomUUID()}@example.com\n` },
        from(newAddress(), token),
      );
    await withinOneWindow(3600);
    const refused = await exactly(IMPORTS, (i) => importCsv(gateways[i % 2]!, tenant.accessToken));
    expect(refused.errors?.[0]?.path).toEqual(['importClients']);
    retryAfterOf(refused, 3600);
    for (const gateway of gateways) {
      expect(errorCodes(await importCsv(gateway, tenant.accessToken))).toEqual(['RATE_LIMITED']);
      expect(errorCodes(await importCsv(gateway, other.accessToken))).toEqual([]);
    }
  });
});
