import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { parse, type DocumentNode } from 'graphql';
import { applyAccessRules, fieldsWithoutAccessRule, type AccessPolicy } from './accessTransform.ts';
import type { SubgraphBoundary } from './config.ts';
import type { Pingable } from './database.ts';
import { createFormatError } from './errors.ts';
import { legacyJsonStatusPlugin } from './httpStatus.ts';
import { createDatabaseHealth } from './health.ts';
import { guardInputs } from './inputGuard.ts';
import { createHttpService, type HttpService, type HttpServiceOptions } from './http.ts';
import type { Logger } from './logger.ts';
import { limitMutations, type AppliedLimit } from './rateLimitResolvers.ts';
import type { ServiceMetrics } from './metrics.ts';
import { requestLogPlugin } from './requestLog.ts';

/** Every `schema.graphql` below `dir`, in path order: one module per concept. */
export function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'schema.graphql')
    .sort()
    .map((file) => path.join(dir, file));
}

/** The `@access` directive and its `AccessRule` enum, shared by every subgraph's SDL. */
export const ACCESS_SCHEMA_PATH = fileURLToPath(
  new URL('./schema/access.graphql', import.meta.url),
);

/** Parses a subgraph's SDL files, and the shared `@access` declaration, into one document. */
export function loadTypeDefs(dir: string): DocumentNode {
  return parse(
    [...schemaFiles(dir), ACCESS_SCHEMA_PATH].map((file) => readFileSync(file, 'utf8')).join('\n'),
  );
}

export interface SubgraphServiceOptions<TContext extends BaseContext> {
  /** Directory holding `<module>/schema.graphql` files. */
  schemaDir: string;
  resolvers: object;
  /**
   * Who is asking and who owns what, for the `@access` rule every field declares in the SDL
   * (enforced here, once, for every resolver: see accessTransform.ts).
   */
  access: AccessPolicy<TContext>;
  context: HttpServiceOptions<TContext>['context'];
  logger: Logger;
  /** Stack traces and unmasked errors (development only). */
  exposeErrors?: boolean;
  /** Gateway proof, trusted proxies, own query limits, introspection. */
  boundary: SubgraphBoundary;
  routes?: HttpServiceOptions<TContext>['routes'];
  publicRoutes?: HttpServiceOptions<TContext>['publicRoutes'];
  ready?: HttpServiceOptions<TContext>['ready'];
  /** The service's database: checked every `healthIntervalMs` (default 30 s) for /ready. */
  database?: Pingable;
  healthIntervalMs?: number;
  bodyLimit?: string;
  /** Request metrics (plugin) served at GET /metrics, guarded by `metricsToken` if set. */
  metrics?: ServiceMetrics;
  metricsToken?: string;
  /** Arguments the input guard leaves to their resolver (see guardInputs). */
  guardExempt?: readonly string[];
  /** Every mutation field counts against this limit per signed-in account (see limitMutations). */
  mutationLimit?: AppliedLimit;
}

/**
 * Builds a federation subgraph (schema-first) served over HTTP with probes. It answers only
 * requests carrying the gateway's secret (HTTP 401 otherwise), and applies its own depth and
 * token limits: the gateway's limits protect the public edge, these protect the subgraph if
 * the secret leaks. Depth does not count fragments, so the `_entities(...) { ... on T }`
 * wrapper of a query plan costs one level only.
 */
export async function createSubgraphService<TContext extends BaseContext>(
  options: SubgraphServiceOptions<TContext>,
): Promise<HttpService> {
  const subgraphSchema = buildSubgraphSchema({
    typeDefs: loadTypeDefs(options.schemaDir),
    resolvers: (options.mutationLimit
      ? limitMutations(options.resolvers, options.mutationLimit)
      : options.resolvers) as GraphQLResolverMap<unknown>,
  });
  const unguarded = fieldsWithoutAccessRule(subgraphSchema);
  if (unguarded.length) {
    options.logger.error({ fields: unguarded }, 'fields without @access rule answer FORBIDDEN');
  }
  // Outermost first: the field's access rule, then one input validation layer for every
  // argument of every field (inputGuard.ts), then the resolver.
  const schema = applyAccessRules(
    guardInputs(subgraphSchema, { exempt: options.guardExempt }),
    options.access,
  );
  const apollo = new ApolloServer<TContext>({
    schema,
    formatError: createFormatError(options.logger, { exposeDetails: options.exposeErrors }),
    includeStacktraceInErrorResponses: options.exposeErrors ?? false,
    introspection: options.boundary.introspection,
    parseOptions: { maxTokens: options.boundary.limits.maxTokens },
    validationRules: [
      maxDepthRule({
        n: options.boundary.limits.maxDepth,
        flattenFragments: true,
        exposeLimits: true,
        // Reported as a validation error (GRAPHQL_VALIDATION_FAILED); thrown it would be a 500.
        propagateOnRejection: false,
        onReject: [(context, error) => context?.reportError(error)],
      }),
    ],
    logger: options.logger,
    // Signals are handled by runService, which stops the HTTP server and the pool in order.
    stopOnTerminationSignals: false,
    // No Apollo Studio here: federated tracing data would be computed for nothing.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      requestLogPlugin(options.logger),
      // The same HTTP statuses as the gateway's (README, "HTTP statuses"); the gateway asks
      // for application/graphql-response+json, so a request error reaches it as a 400 whose
      // code and message it passes on (gateway/src/subgraphErrors.ts).
      legacyJsonStatusPlugin<TContext>(),
      ...(options.metrics ? [options.metrics.plugin()] : []),
    ],
  });
  const health = options.database
    ? createDatabaseHealth(options.database, options.healthIntervalMs)
    : undefined;
  const { ready } = options;
  const service = await createHttpService({
    apollo,
    context: options.context,
    routes: options.routes,
    publicRoutes: options.publicRoutes,
    gatewaySecret: options.boundary.gatewaySecret,
    trustedProxies: options.boundary.trustedProxies,
    async ready() {
      const [database, own] = await Promise.all([health?.check(), ready?.()]);
      return {
        ...own,
        ...(database && { database }),
        ok: (database?.ok ?? true) && (own?.ok ?? true),
      };
    },
    bodyLimit: options.bodyLimit,
    logger: options.logger,
    metrics: options.metrics && {
      registry: options.metrics.registry,
      token: options.metricsToken,
    },
  });
  const close = service.close.bind(service);
  return Object.assign(service, {
    async close() {
      health?.stop();
      await close();
    },
  });
}
