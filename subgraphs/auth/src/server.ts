import { fileURLToPath } from 'node:url';
import {
  createMemoryStore,
  createRateLimiter,
  createServiceMetrics,
  createSubgraphService,
  readyWithRevocations,
  type HttpService,
  type Logger,
  type RevocationSource,
} from '@grahvani/shared';
import { accessPolicy } from './accessPolicy.ts';
import { requestIdOf } from './audit/record.ts';
import type { AuthConfig } from './config.ts';
import type { Context } from './context.ts';
import type { Db } from './db.ts';
import { scheduleHousekeeping } from './housekeeping.ts';
import { createLoaders } from './loaders.ts';
import { createFlowServices } from './mailFlows.ts';
import { createAuthLimiter } from './rateLimits.ts';
import { resolvers } from './resolvers.generated.ts';
import { createAuthRevocationSource } from './revocation.ts';
import { revocationRoutes } from './revocationRoutes.ts';
import { createTokenService } from './tokens.ts';

const schemaDir = fileURLToPath(new URL('./schema', import.meta.url));

export interface AuthServerOptions {
  db: Db;
  config: AuthConfig;
  logger: Logger;
  /** Revoked sessions; by default LISTEN on config.directDatabaseUrl plus auth_token_blacklist. */
  revocations?: RevocationSource;
}

/**
 * The auth subgraph as an HTTP service (not yet listening): GraphQL at /graphql, the public
 * signing keys at /.well-known/jwks.json, revocations at /revocations and
 * /revocations/stream, probes at /health and /ready.
 */
export async function createServer({
  db,
  config,
  logger,
  revocations = createAuthRevocationSource(db, config.directDatabaseUrl, logger),
}: AuthServerOptions): Promise<HttpService> {
  await revocations.start();
  const tokens = await createTokenService(config.tokens, revocations);
  const flows = createFlowServices(config.flows, logger);
  const stopHousekeeping = scheduleHousekeeping(
    db,
    { ...config.throttle, auditRetentionDays: config.auditRetentionDays },
    logger,
  );
  const metrics = createServiceMetrics('auth');
  metrics.observeDatabase(db);
  metrics.observeRevocations(revocations);
  let streams: { endStreams(): void } | undefined;
  const { enabled } = config.rateLimits;
  const rateLimits = { limiter: createAuthLimiter(db, enabled), rules: config.rateLimits.rules };
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
      limiter: createRateLimiter({ enabled, store: createMemoryStore() }),
      rule: config.rateLimits.mutations,
    },
    publicRoutes(app) {
      app.get('/.well-known/jwks.json', (_req, res) => {
        res.set('Cache-Control', 'public, max-age=300').json(tokens.jwks);
      });
    },
    // Behind the gateway proof: the gateway and the other subgraphs send the secret.
    routes(app) {
      streams = revocationRoutes(app, db, revocations);
    },
    async context(req) {
      return {
        identity: await tokens.verifier.identify(req.get('authorization')),
        signedIn: null,
        db,
        loaders: createLoaders(db),
        tokens,
        logger,
        config: config.tokens,
        throttle: config.throttle,
        ip: req.ip ?? null,
        userAgent: req.get('user-agent') ?? null,
        requestId: requestIdOf(req.get('x-request-id')),
        flows,
        rateLimits,
      };
    },
  });
  const close = service.close.bind(service);
  return {
    ...service,
    async close() {
      stopHousekeeping();
      streams?.endStreams();
      await close();
      await revocations.close();
    },
  };
}
