// The whole graph in this process: the three subgraphs on real HTTP ports (port 0), composed
// in memory, behind a real gateway, on a database that is already migrated. The project's
// own tests start one per test file (tests/helpers/stack.ts); `startGraph` adds a database.
import type { Logger } from '@grahvani/shared';
import type { JWK } from 'jose';
import { createServer as createAuthServer } from '../../../subgraphs/auth/src/server.ts';
import { loadConfig as loadClientsConfig } from '../../../subgraphs/clients/src/config.ts';
import { createServer as createClientsServer } from '../../../subgraphs/clients/src/server.ts';
import { loadConfig as loadUsersConfig } from '../../../subgraphs/users/src/config.ts';
import { createServer as createUsersServer } from '../../../subgraphs/users/src/server.ts';
import { composeSupergraph } from '../../../gateway/src/compose.ts';
import { loadConfig as loadGatewayConfig } from '../../../gateway/src/config.ts';
import { createGateway } from '../../../gateway/src/server.ts';
import { createGraphQLClient, type GraphQLClient } from './client.ts';
import type { DatabaseUrls } from './database.ts';
import { graphHelpers, type GraphHelpers } from './helpers.ts';
import { serviceSetup, type ServiceDbs, type SubgraphName } from './serviceSetup.ts';

export type { SubgraphName } from './serviceSetup.ts';

export interface Stack extends GraphHelpers {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** A client of one subgraph called directly, with the gateway's proof (its secret). */
  subgraph(name: SubgraphName): GraphQLClient;
  /** The header that proves a request comes from the gateway, for plain fetch calls. */
  gatewayProof: Record<string, string>;
  db: ServiceDbs;
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
  const setup = await serviceSetup(options);
  const { env, db, logger, gatewayProof, signingKeys, authConfig, listen, close } = setup;
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
      stopSubgraph: (name) => setup.stop(subgraphs[name]),
      env,
      close,
    };
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
}
