// The whole graph in this process: the three subgraphs on real HTTP ports (port 0), composed
// in memory, behind a real gateway, on a database that is already migrated. The project's
// own tests start one per test file (tests/helpers/stack.ts); `startGraph` adds a database.
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
import { loadConfig as loadAuthConfig } from '../../../subgraphs/auth/src/config.ts';
import { createDb as createAuthDb } from '../../../subgraphs/auth/src/db.ts';
import { createServer as createAuthServer } from '../../../subgraphs/auth/src/server.ts';
import { loadConfig as loadClientsConfig } from '../../../subgraphs/clients/src/config.ts';
import { createDb as createClientsDb } from '../../../subgraphs/clients/src/db.ts';
import { createServer as createClientsServer } from '../../../subgraphs/clients/src/server.ts';
import { loadConfig as loadUsersConfig } from '../../../subgraphs/users/src/config.ts';
import { createDb as createUsersDb } from '../../../subgraphs/users/src/db.ts';
import { createServer as createUsersServer } from '../../../subgraphs/users/src/server.ts';
import { composeSupergraph } from '../../../gateway/src/compose.ts';
import { loadConfig as loadGatewayConfig } from '../../../gateway/src/config.ts';
import { createGateway } from '../../../gateway/src/server.ts';
import { createGraphQLClient, type GraphQLClient } from './client.ts';
import type { DatabaseUrls } from './database.ts';
import { graphHelpers, type GraphHelpers } from './helpers.ts';

export type SubgraphName = 'auth' | 'users' | 'clients';

export interface Stack extends GraphHelpers {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** A client of one subgraph called directly, with the gateway's proof (its secret). */
  subgraph(name: SubgraphName): GraphQLClient;
  /** The header that proves a request comes from the gateway, for plain fetch calls. */
  gatewayProof: Record<string, string>;
  db: {
    auth: ReturnType<typeof createAuthDb>;
    users: ReturnType<typeof createUsersDb>;
    clients: ReturnType<typeof createClientsDb>;
  };
  signingKeys: JWK[];
  /** Stops one subgraph's HTTP server (to see how the graph degrades). */
  stopSubgraph(name: SubgraphName): Promise<void>;
  /** The environment the services were configured from (JWKS_URL included), for replicas. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface StackOptions {
  /** Where to connect: a migrated database (see `migrateTestDatabase`). */
  databaseUrls: Pick<DatabaseUrls, 'auth' | 'users' | 'clients'> & Partial<DatabaseUrls>;
  /**
   * Direct URLs (`*_DIRECT_DATABASE_URL`, for LISTEN) when `databaseUrls` lead to a pooler
   * such as PgBouncer; by default the services listen on `databaseUrls`.
   */
  directDatabaseUrls?: Pick<DatabaseUrls, 'auth' | 'users' | 'clients'>;
  /** Where the auth service writes mail; `env.MAIL_DIR` wins. */
  mailDir: string;
  /** Environment overrides for every service (e.g. tighter limits). */
  env?: Record<string, string>;
  /**
   * Overrides for the gateway alone, on top of `env` (e.g. NODE_ENV=production at the edge
   * while the subgraphs keep their test configuration).
   */
  gatewayEnv?: Record<string, string>;
  /** Every service's logger (default: one at LOG_LEVEL, silent unless TEST_LOG_LEVEL says). */
  logger?: Logger;
  /** Sees every SQL statement a service sends (to count round trips). */
  onQuery?: (service: SubgraphName, sql: string) => void;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const urls = options.databaseUrls;
  const direct = options.directDatabaseUrls;
  const signingKeys: JWK[] = options.env?.JWT_PRIVATE_KEYS
    ? (JSON.parse(options.env.JWT_PRIVATE_KEYS) as JWK[])
    : [await generateSigningKey('test-')];
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
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
    MAIL_DIR: options.mailDir,
    ...options.env,
  };
  const gatewayProof = { [GATEWAY_SECRET_HEADER]: env.GATEWAY_SECRET ?? '' };
  const logger = options.logger ?? createLogger('test', env.LOG_LEVEL);
  const authConfig = await loadAuthConfig(env);
  const { onQuery } = options;
  // As each service's index.ts does (database settings, no startup parameters behind a pooler).
  const pool = (service: SubgraphName) => ({
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
  const stopped = new Set<HttpService>();
  const close = async () => {
    for (const service of services.reverse()) if (!stopped.has(service)) await service.close();
    services.length = 0;
    await Promise.all(Object.values(db).map((client) => client.$disconnect()));
  };
  const listen = async (service: HttpService) => {
    services.push(service);
    return service.listen(0);
  };
  try {
    const authServer = await createAuthServer({ db: db.auth, config: authConfig, logger });
    const auth = await listen(authServer);
    // As in production: the others fetch the keys and follow revocations from the auth service.
    env.JWKS_URL = new URL('/.well-known/jwks.json', auth).toString();
    const subgraphs = {
      auth: authServer,
      users: await createUsersServer({ db: db.users, config: loadUsersConfig(env), logger }),
      clients: await createClientsServer({
        db: db.clients,
        config: loadClientsConfig(env),
        logger,
      }),
    };
    const subgraphUrls = {
      auth,
      users: await listen(subgraphs.users),
      clients: await listen(subgraphs.clients),
    };
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
    const gateway = createGraphQLClient(gatewayUrl);
    const helpers = graphHelpers(
      {
        gql: gateway.gql,
        async grantRole(userId, role) {
          await db.auth.authUser.update({
            where: { id: userId },
            data: { role, status: 'ACTIVE' },
          });
        },
      },
      env.MAIL_DIR ?? options.mailDir,
    );
    return {
      ...helpers,
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
      close,
    };
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
}
