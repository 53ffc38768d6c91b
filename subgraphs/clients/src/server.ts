import { fileURLToPath } from 'node:url';
import {
  checkDatabase,
  closingRevocations,
  createRevokingVerifier,
  createSubgraphService,
  type HttpService,
  type Logger,
  type TokenVerifier,
} from '@grahvani/shared';
import type { ClientsConfig } from './config.ts';
import type { Context } from './context.ts';
import type { Db } from './db.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers.ts';

const schemaDir = fileURLToPath(new URL('./schema', import.meta.url));

export interface ClientsServerOptions {
  db: Db;
  config: ClientsConfig;
  logger: Logger;
  /**
   * Access-token verifier; by default one fetching keys from config.tokens.jwksUrl and
   * refusing revoked sessions (LISTEN on config.databaseUrl, snapshot from the auth service).
   */
  verifier?: TokenVerifier;
}

/** The clients subgraph as an HTTP service (not yet listening). */
export async function createServer({
  db,
  config,
  logger,
  verifier: given,
}: ClientsServerOptions): Promise<HttpService> {
  const { verifier, revocations } = given
    ? { verifier: given, revocations: undefined }
    : await createRevokingVerifier(config.tokens, logger, config.databaseUrl);
  const service = await createSubgraphService<Context>({
    schemaDir,
    resolvers,
    logger,
    exposeErrors: config.env === 'development',
    ready: () => checkDatabase(db),
    async context(req) {
      const identity = await verifier.identify(req.get('authorization'));
      return {
        identity,
        db,
        loaders: createLoaders(db, identity?.userId ?? null),
        logger,
      };
    },
  });
  return closingRevocations(service, revocations);
}
