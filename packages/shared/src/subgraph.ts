import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse, type DocumentNode } from 'graphql';
import { createFormatError } from './errors.ts';
import { createHttpService, type HttpService, type HttpServiceOptions } from './http.ts';
import type { Logger } from './logger.ts';
import type { ServiceMetrics } from './metrics.ts';
import { requestLogPlugin } from './requestLog.ts';

/** Every `schema.graphql` below `dir`, in path order: one module per concept. */
export function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'schema.graphql')
    .sort()
    .map((file) => path.join(dir, file));
}

/** Parses a subgraph's SDL files into one document. */
export function loadTypeDefs(dir: string): DocumentNode {
  return parse(
    schemaFiles(dir)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n'),
  );
}

export interface SubgraphServiceOptions<TContext extends BaseContext> {
  /** Directory holding `<module>/schema.graphql` files. */
  schemaDir: string;
  resolvers: object;
  context: HttpServiceOptions<TContext>['context'];
  logger: Logger;
  /** Stack traces and unmasked errors (development only). */
  exposeErrors?: boolean;
  introspection?: boolean;
  routes?: HttpServiceOptions<TContext>['routes'];
  ready?: HttpServiceOptions<TContext>['ready'];
  bodyLimit?: string;
  /** Request metrics (plugin) served at GET /metrics, guarded by `metricsToken` if set. */
  metrics?: ServiceMetrics;
  metricsToken?: string;
}

/** Builds a federation subgraph (schema-first) served over HTTP with probes. */
export async function createSubgraphService<TContext extends BaseContext>(
  options: SubgraphServiceOptions<TContext>,
): Promise<HttpService> {
  const schema = buildSubgraphSchema({
    typeDefs: loadTypeDefs(options.schemaDir),
    resolvers: options.resolvers as GraphQLResolverMap<unknown>,
  });
  const apollo = new ApolloServer<TContext>({
    schema,
    formatError: createFormatError(options.logger, { exposeDetails: options.exposeErrors }),
    includeStacktraceInErrorResponses: options.exposeErrors ?? false,
    introspection: options.introspection ?? true,
    // The gateway turns any non-2xx subgraph response into an opaque error: answering 200
    // lets a variable that a scalar rejects (URL, Date, JSONObject...) reach the client as
    // BAD_USER_INPUT instead of INTERNAL_SERVER_ERROR.
    status400ForVariableCoercionErrors: false,
    logger: options.logger,
    // Signals are handled by runService, which stops the HTTP server and the pool in order.
    stopOnTerminationSignals: false,
    // No Apollo Studio here: federated tracing data would be computed for nothing.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      requestLogPlugin(options.logger),
      ...(options.metrics ? [options.metrics.plugin()] : []),
    ],
  });
  return createHttpService({
    apollo,
    context: options.context,
    routes: options.routes,
    ready: options.ready,
    bodyLimit: options.bodyLimit,
    logger: options.logger,
    metrics: options.metrics && {
      registry: options.metrics.registry,
      token: options.metricsToken,
    },
  });
}
