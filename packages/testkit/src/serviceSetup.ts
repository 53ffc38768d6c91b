// What startStack and startServices share: the services' environment (keys, gateway secret,
// database URLs), their database clients pooled as each service's index.ts pools them, and
// the servers they start, closed in reverse order with the clients.
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
import { createDb as createClientsDb } from '../../../subgraphs/clients/src/db.ts';
import { createDb as createUsersDb } from '../../../subgraphs/users/src/db.ts';
import type { DatabaseUrls } from './database.ts';
import { afterFirstHealthCheck } from './ready.ts';

export type SubgraphName = 'auth' | 'users' | 'clients';

type ServiceUrls = Pick<DatabaseUrls, 'auth' | 'users' | 'clients'>;

export interface ServiceSetupOptions {
  /** Where to connect: a migrated database (see `migrateTestDatabase`). */
  databaseUrls: ServiceUrls & Partial<DatabaseUrls>;
  /** Direct URLs (for LISTEN) when `databaseUrls` lead to a pooler; default `databaseUrls`. */
  directDatabaseUrls?: ServiceUrls;
  /** Where the auth service writes mail; `env.MAIL_DIR` wins. */
  mailDir: string;
  /** Environment overrides for every service. */
  env?: Record<string, string>;
  /** Every service's logger (default: one at LOG_LEVEL, silent unless the env says). */
  logger?: Logger;
  /** Sees every SQL statement a service sends (to count round trips). */
  onQuery?: (service: SubgraphName, sql: string) => void;
}

export interface ServiceDbs {
  auth: ReturnType<typeof createAuthDb>;
  users: ReturnType<typeof createUsersDb>;
  clients: ReturnType<typeof createClientsDb>;
}

export async function serviceSetup(options: ServiceSetupOptions) {
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
  const db: ServiceDbs = {
    auth: createAuthDb(urls.auth, pool('auth')),
    users: createUsersDb(urls.users, pool('users')),
    clients: createClientsDb(urls.clients, pool('clients')),
  };
  const services: HttpService[] = [];
  const stopped = new Set<HttpService>();
  return {
    signingKeys,
    env,
    gatewayProof,
    logger,
    authConfig,
    db,
    /** Starts `service` on port 0; `close` stops it. */
    async listen(service: HttpService): Promise<string> {
      services.push(service);
      const url = await service.listen(0);
      if (options.onQuery) await afterFirstHealthCheck(url);
      return url;
    },
    /** Stops one started service ahead of `close`. */
    async stop(service: HttpService): Promise<void> {
      stopped.add(service);
      await service.close();
    },
    /** Stops every started service, newest first, then the database clients. */
    async close(): Promise<void> {
      for (const service of services.reverse()) if (!stopped.has(service)) await service.close();
      services.length = 0;
      await Promise.all(Object.values(db).map((client) => client.$disconnect()));
    },
  };
}
