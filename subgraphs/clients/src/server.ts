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
import type { ClientsConfig } from './config.ts';
import { accessPolicy } from './accessPolicy.ts';
import type { Context } from './context.ts';
import type { Db } from './db.ts';
import { scheduleHousekeeping } from './housekeeping.ts';
import { createImportRunner } from './imports/runner.ts';
import { createLoaders } from './loaders.ts';
import { createClientsLimiter, scheduleRateLimitPruning } from './rateLimits.ts';
import { resolvers } from './resolvers.generated.ts';
import { createClientCounts } from './clientCount.ts';
import { createTenantReads } from './tenantReads.ts';

const schemaDir = fileURLToPath(new URL('./schema', import.meta.url));

export interface ClientsServerOptions {
  db: Db;
  config: ClientsConfig;
  logger: Logger;
  /**
   * Access-token verifier; by default one fetching keys from config.tokens.jwksUrl and
   * refusing revoked sessions (LISTEN on config.directDatabaseUrl, snapshot from the auth service).
   */
  verifier?: TokenVerifier;
}

/**
 * The clients subgraph as an HTTP service (not yet listening). It also runs background CSV
 * imports: at start it resumes (or fails) those an earlier process left unfinished.
 */
export async function createServer({
  db,
  config,
  logger,
  verifier: given,
}: ClientsServerOptions): Promise<HttpService> {
  const { verifier, revocations } = given
    ? { verifier: given, revocations: undefined }
    : await createRevokingVerifier(config.tokens, logger, {
        listenUrl: config.directDatabaseUrl,
        gatewaySecret: config.boundary.gatewaySecret,
      });
  const imports = createImportRunner({ db, logger, ...config.imports });
  const rateLimits = {
    limiter: createClientsLimiter(db, config.rateLimits.enabled),
    imports: config.rateLimits.imports,
  };
  const stopPruning = rateLimits.limiter.enabled ? scheduleRateLimitPruning(db, logger) : () => {};
  const metrics = createServiceMetrics('clients');
  metrics.observeDatabase(db);
  if (revocations) metrics.observeRevocations(revocations);
  metrics.gauge(
    'client_imports_running',
    'CSV imports running in this process',
    () => imports.running,
  );
  const service = await createSubgraphService<Context>({
    schemaDir,
    resolvers,
    access: accessPolicy,
    logger,
    exposeErrors: config.env === 'development',
    metrics,
    metricsToken: config.metricsToken,
    boundary: config.boundary,
    // Per replica, in memory: the general rate of writes, not a limit that guards accounts.
    mutationLimit: {
      limiter: createRateLimiter({
        enabled: config.rateLimits.enabled,
        store: createMemoryStore(),
      }),
      rule: config.rateLimits.mutations,
    },
    // A 5 MB CSV import plus its JSON envelope.
    bodyLimit: '6mb',
    database: db,
    healthIntervalMs: config.database.healthIntervalMs,
    ready: readyWithRevocations(undefined, revocations),
    // One bad cell refuses its row, not the whole file (imports/rows.ts checks each cell).
    guardExempt: ['Mutation.importClients.csv'],
    async context(req) {
      const identity = await verifier.identify(req.get('authorization'));
      const reads = createTenantReads(db);
      return {
        identity,
        db,
        loaders: createLoaders(reads, identity?.userId ?? null),
        reads,
        clientCounts: createClientCounts(reads),
        logger,
        idempotencyKey: req.get('idempotency-key')?.trim() || null,
        imports,
        rateLimits,
      };
    },
  });
  const stopHousekeeping = scheduleHousekeeping(db, logger);
  void imports
    .recover()
    .catch((err: unknown) => logger.error({ err }, 'could not recover client imports'));
  const closeService = service.close.bind(service);
  return closingRevocations(
    Object.assign(service, {
      async close() {
        stopHousekeeping();
        stopPruning();
        await closeService();
        await imports.stop();
      },
    }),
    revocations,
  );
}
