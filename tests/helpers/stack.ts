// The whole graph in this process, as tests need it: the three subgraphs on real HTTP ports
// (port 0), composed in memory, behind a real gateway. Each test file starts its own stack.
import { generateSigningKey, publicJwks, createLogger, type HttpService } from '@grahvani/shared';
import { createTokenVerifier } from '@grahvani/shared';
import type { JWK } from 'jose';
import { inject } from 'vitest';
import type { DatabaseUrls } from '../global-setup.ts';
import { loadConfig as loadAuthConfig } from '../../subgraphs/auth/src/config.ts';
import { createDb as createAuthDb } from '../../subgraphs/auth/src/db.ts';
import { createServer as createAuthServer } from '../../subgraphs/auth/src/server.ts';
import { loadConfig as loadClientsConfig } from '../../subgraphs/clients/src/config.ts';
import { createDb as createClientsDb } from '../../subgraphs/clients/src/db.ts';
import { createServer as createClientsServer } from '../../subgraphs/clients/src/server.ts';
import { loadConfig as loadUsersConfig } from '../../subgraphs/users/src/config.ts';
import { createDb as createUsersDb } from '../../subgraphs/users/src/db.ts';
import { createServer as createUsersServer } from '../../subgraphs/users/src/server.ts';
import { composeSupergraph } from '../../gateway/src/compose.ts';
import { loadConfig as loadGatewayConfig } from '../../gateway/src/config.ts';
import { createGateway } from '../../gateway/src/server.ts';
import { createGraphQLClient, type GraphQLClient } from './graphql.ts';

export interface Stack extends GraphQLClient {
  gatewayUrl: string;
  subgraphUrls: { auth: string; users: string; clients: string };
  db: {
    auth: ReturnType<typeof createAuthDb>;
    users: ReturnType<typeof createUsersDb>;
    clients: ReturnType<typeof createClientsDb>;
  };
  signingKeys: JWK[];
  close(): Promise<void>;
}

/** Environment overrides for one stack (e.g. tighter limits). */
export interface StackOptions {
  env?: Record<string, string>;
  /** Another migrated database than the run's shared one (tests that need global state alone). */
  databaseUrls?: DatabaseUrls;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const urls = options.databaseUrls ?? inject('databaseUrls');
  const signingKeys = [await generateSigningKey('test-')];
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JWT_PRIVATE_KEYS: JSON.stringify(signingKeys),
    AUTH_DATABASE_URL: urls.auth,
    USERS_DATABASE_URL: urls.users,
    CLIENTS_DATABASE_URL: urls.clients,
    ...options.env,
  };
  const logger = createLogger('test', env.LOG_LEVEL);
  const authConfig = await loadAuthConfig(env);
  const verifier = createTokenVerifier({
    ...authConfig.tokens,
    keys: { jwks: publicJwks(signingKeys) },
  });
  const db = {
    auth: createAuthDb(urls.auth, { max: 5 }),
    users: createUsersDb(urls.users, { max: 5 }),
    clients: createClientsDb(urls.clients, { max: 5 }),
  };
  const services: HttpService[] = [];
  const listen = async (service: HttpService) => {
    services.push(service);
    return service.listen(0);
  };
  const subgraphUrls = {
    auth: await listen(await createAuthServer({ db: db.auth, config: authConfig, logger })),
    users: await listen(
      await createUsersServer({ db: db.users, config: loadUsersConfig(env), logger, verifier }),
    ),
    clients: await listen(
      await createClientsServer({
        db: db.clients,
        config: loadClientsConfig(env),
        logger,
        verifier,
      }),
    ),
  };
  const { supergraphSdl } = composeSupergraph(subgraphUrls);
  const gatewayConfig = loadGatewayConfig({
    ...env,
    AUTH_SUBGRAPH_URL: subgraphUrls.auth,
    USERS_SUBGRAPH_URL: subgraphUrls.users,
    CLIENTS_SUBGRAPH_URL: subgraphUrls.clients,
  });
  const gatewayUrl = await listen(
    await createGateway({ config: gatewayConfig, logger, supergraphSdl, verifier }),
  );
  return {
    ...createGraphQLClient(gatewayUrl),
    gatewayUrl,
    subgraphUrls,
    db,
    signingKeys,
    async close() {
      for (const service of services.reverse()) await service.close();
      await Promise.all(Object.values(db).map((client) => client.$disconnect()));
    },
  };
}
