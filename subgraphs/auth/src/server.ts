import { fileURLToPath } from 'node:url';
import {
  checkDatabase,
  createSubgraphService,
  type HttpService,
  type Logger,
} from '@grahvani/shared';
import type { AuthConfig } from './config.ts';
import type { Context } from './context.ts';
import type { Db } from './db.ts';
import { createLoaders } from './loaders.ts';
import { createFlowServices } from './mailFlows.ts';
import { resolvers } from './resolvers.ts';
import { createTokenService } from './tokens.ts';

const schemaDir = fileURLToPath(new URL('./schema', import.meta.url));

export interface AuthServerOptions {
  db: Db;
  config: AuthConfig;
  logger: Logger;
}

/**
 * The auth subgraph as an HTTP service (not yet listening): GraphQL at /graphql, the public
 * signing keys at /.well-known/jwks.json, probes at /health and /ready.
 */
export async function createServer({
  db,
  config,
  logger,
}: AuthServerOptions): Promise<HttpService> {
  const tokens = await createTokenService(config.tokens);
  const flows = createFlowServices(config.flows, logger);
  return createSubgraphService<Context>({
    schemaDir,
    resolvers,
    logger,
    exposeErrors: config.env === 'development',
    ready: () => checkDatabase(db),
    routes(app) {
      app.get('/.well-known/jwks.json', (_req, res) => {
        res.set('Cache-Control', 'public, max-age=300').json(tokens.jwks);
      });
    },
    async context(req) {
      return {
        identity: await tokens.verifier.identify(req.get('authorization')),
        db,
        loaders: createLoaders(db),
        tokens,
        logger,
        config: config.tokens,
        ip: req.ip ?? null,
        userAgent: req.get('user-agent') ?? null,
        flows,
      };
    },
  });
}
