// The whole graph in this process, as tests need it: the three subgraphs on real HTTP ports
// (port 0), composed in memory, behind a real gateway. Each test file starts its own stack.
import {
  GATEWAY_SECRET_HEADER,
  createLogger,
  generateSigningKey,
  newGatewaySecret,
  poolOptions,
  type HttpService,
  type Logger,
} from '@grahvani/shared';
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
import { createMailDir } from '../fixtures/mail.ts';
import { createGraphQLClient, type GraphQLClient } from './graphql.ts';

export interface Stack extends GraphQLClient {
  gatewayUrl: string;
  subgraphUrls: { auth: string; users: string; clients: string };
  /** A client of one subgraph called directly, with the gateway's proof (its secret). */
  subgraph(name: 'auth' | 'users' | 'clients'): GraphQLClient;
  /** The header that proves a request comes from the gateway, for plain fetch calls. */
  gatewayProof: Record<string, string>;
  db: {
    auth: ReturnType<typeof createAuthDb>;
    users: ReturnType<typeof createUsersDb>;
    clients: ReturnType<typeof createClientsDb>;
  };
  signingKeys: JWK[];
  /** Stops one subgraph's HTTP server (to see how the graph degrades). */
  stopSubgraph(name: 'auth' | 'users' | 'clients'): Promise<void>;
  /** The environment the services were configured from (JWKS_URL included), for replicas. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Environment overrides for one stack (e.g. tighter limits). */
export interface StackOptions {
  env?: Record<string, string>;
  /**
   * Overrides for the gateway alone, on top of `env` (e.g. NODE_ENV=production at the edge
   * while the subgraphs keep their test configuration).
   */
  gatewayEnv?: Record<string, string>;
  /** Where to connect; by default the test run's database (vitest global setup). */
  databaseUrls?: Pick<DatabaseUrls, 'auth' | 'users' | 'clients'> & Partial<DatabaseUrls>;
  /**
   * Direct URLs (`*_DIRECT_DATABASE_URL`, for LISTEN) when `databaseUrls` lead to a pooler
   * such as PgBouncer; by default the services listen on `databaseUrls`.
   */
  directDatabaseUrls?: Pick<DatabaseUrls, 'auth' | 'users' | 'clients'>;
  /** Every service's logger (default: one at LOG_LEVEL, silent in tests). */
  logger?: Logger;
  /** Sees every SQL statement a service sends (to count round trips). */
  onQuery?: (service: 'auth' | 'users' | 'clients', sql: string) => void;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const urls = options.databaseUrls ?? inject('databaseUrls');
  const direct = options.directDatabaseUrls;
  const signingKeys: JWK[] = options.env?.JWT_PRIVATE_KEYS
    ? (JSON.parse(options.env.JWT_PRIVATE_KEYS) as JWK[])
    : [await generateSigningKey('test-')];
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JWT_PRIVATE_KEYS: JSON.stringify(signingKeys),
    AUTH_DATABASE_URL: urls.auth,
    USERS_DATABASE_URL: urls.users,
    CLIENTS_DATABASE_URL: urls.clients,
    ...(direct && {
      AUTH_DIRECT_DATABASE_URL: direct.auth,
      USERS_DIRECT_DATABASE_URL: direct.users,
      CLIENTS_DIRECT_DATABASE_URL: direct.clients,
    }),
    // Shared by the gateway and the subgraphs, as npm start does with .data/keys/gateway-secret.
    GATEWAY_SECRET: newGatewaySecret('test-'),
    // Mail goes into the run's mail directory, removed when the run ends (unless the caller,
    // e.g. the benchmark outside vitest, names its own).
    MAIL_DIR: options.env?.MAIL_DIR ?? (await createMailDir()),
    ...options.env,
  };
  const gatewayProof = { [GATEWAY_SECRET_HEADER]: env.GATEWAY_SECRET ?? '' };
  const logger = options.logger ?? createLogger('test', env.LOG_LEVEL);
  const authConfig = await loadAuthConfig(env);
  const { onQuery } = options;
  // As each service's index.ts does (database settings, no startup parameters behind a pooler).
  const pool = (service: 'auth' | 'users' | 'clients') => ({
    ...poolOptions({
      databaseUrl: urls[service],
      directDatabaseUrl: direct?.[service] ?? urls[service],
      database: authConfig.database,
    }),
    max: 5,
    onQuery: onQuery && ((sql: string) => onQuery(service, sql)),
  });
  const db = {
    auth: createAuthDb(urls.auth, pool('auth')),
    users: createUsersDb(urls.users, pool('users')),
    clients: createClientsDb(urls.clients, pool('clients')),
  };
  const services: HttpService[] = [];
  const listen = async (service: HttpService) => {
    services.push(service);
    return service.listen(0);
  };
  const authServer = await createAuthServer({ db: db.auth, config: authConfig, logger });
  const auth = await listen(authServer);
  // As in production: the others fetch the keys and follow revocations from the auth service.
  env.JWKS_URL = new URL('/.well-known/jwks.json', auth).toString();
  const subgraphs = {
    auth: authServer,
    users: await createUsersServer({ db: db.users, config: loadUsersConfig(env), logger }),
    clients: await createClientsServer({ db: db.clients, config: loadClientsConfig(env), logger }),
  };
  const subgraphUrls = {
    auth,
    users: await listen(subgraphs.users),
    clients: await listen(subgraphs.clients),
  };
  const stopped = new Set<HttpService>();
  const { supergraphSdl } = composeSupergraph(subgraphUrls);
  const gatewayConfig = loadGatewayConfig({
    ...env,
    ...options.gatewayEnv,
    AUTH_SUBGRAPH_URL: subgraphUrls.auth,
    USERS_SUBGRAPH_URL: subgraphUrls.users,
    CLIENTS_SUBGRAPH_URL: subgraphUrls.clients,
  });
  const gatewayUrl = await listen(
    await createGateway({ config: gatewayConfig, logger, supergraphSdl }),
  );
  return {
    ...createGraphQLClient(gatewayUrl),
    gatewayUrl,
    subgraphUrls,
    subgraph: (name) => createGraphQLClient(subgraphUrls[name], gatewayProof),
    gatewayProof,
    db,
    signingKeys,
    async stopSubgraph(name) {
      stopped.add(subgraphs[name]);
      await subgraphs[name].close();
    },
    env,
    async close() {
      for (const service of services.reverse()) if (!stopped.has(service)) await service.close();
      await Promise.all(Object.values(db).map((client) => client.$disconnect()));
    },
  };
}
