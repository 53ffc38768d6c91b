import { fileURLToPath } from 'node:url';
import {
  closingRevocations,
  createRevokingVerifier,
  createMemoryStore,
  createRateLimiter,
  createServiceMetrics,
  readyWithRevocations,
  createSubgraphService,
  type HttpService,
  type Logger,
  type TokenVerifier,
} from '@grahvani/shared';
import type { UsersConfig } from './config.ts';
import { accessPolicy } from './accessPolicy.ts';
import type { Context } from './context.ts';
import type { Db } from './db.ts';
import { createAccountSync } from './deletedAccounts.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers.generated.ts';

const schemaDir = fileURLToPath(new URL('./schema', import.meta.url));

export interface UsersServerOptions {
  db: Db;
  config: UsersConfig;
  logger: Logger;
  /**
   * Access-token verifier; by default one fetching keys from config.tokens.jwksUrl and
   * refusing revoked sessions (LISTEN on config.directDatabaseUrl, snapshot from the auth service).
   */
  verifier?: TokenVerifier;
}

/** The users subgraph as an HTTP service (not yet listening). */
export async function createServer({
  db,
  config,
  logger,
  verifier: given,
}: UsersServerOptions): Promise<HttpService> {
  const { verifier, revocations } = given
    ? { verifier: given, revocations: undefined }
    : await createRevokingVerifier(config.tokens, logger, {
        listenUrl: config.directDatabaseUrl,
        gatewaySecret: config.boundary.gatewaySecret,
        accounts: createAccountSync(db, logger),
      });
  const metrics = createServiceMetrics('users');
  metrics.observeDatabase(db);
  if (revocations) metrics.observeRevocations(revocations);
  const service = await createSubgraphService<Context>({
    schemaDir,
    resolvers,
    access: accessPolicy,
    logger,
    exposeErrors: config.env === 'development',
    metrics,
    metricsToken: config.metricsToken,
    boundary: config.boundary,
    database: db,
    healthIntervalMs: config.database.healthIntervalMs,
    ready: readyWithRevocations(undefined, revocations),
    // Per replica, in memory: the general rate of writes, not a limit that guards accounts.
    mutationLimit: {
      limiter: createRateLimiter({
        enabled: config.rateLimits.enabled,
        store: createMemoryStore(),
      }),
      rule: config.rateLimits.mutations,
    },
    async context(req) {
      const identity = await verifier.identify(req.get('authorization'));
      return {
        identity,
        db,
        loaders: createLoaders(db, identity),
        logger,
        userAgent: req.get('user-agent')?.slice(0, 512) ?? null,
      };
    },
  });
  return closingRevocations(service, revocations);
}
