import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ErrorCode, type Logger } from '@grahvani/shared';
import { GraphQLError, Kind } from 'graphql';
import CircuitBreaker from 'opossum';
import { Pool } from 'undici';
import type { GatewayConfig, SubgraphName } from './config.ts';
import type { GatewayContext } from './server.ts';
import { dedupeInFlight } from './inFlight.ts';
import { createSubgraphCall } from './subgraphFetch.ts';
import { SubgraphDataSource } from './subgraphSource.ts';

type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
type GatewayResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** The error a client sees for fields of a subgraph that failed, timed out or is fenced off. */
export function subgraphUnavailable(subgraph: string): GraphQLError {
  return new GraphQLError(`The ${subgraph} service is unavailable; its fields are missing`, {
    extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, subgraph },
  });
}

/** True when the failure says the subgraph is unreachable, hung or failing, not the request. */
function isAvailabilityFailure(err: unknown): boolean {
  // GraphQL errors are answers (BAD_USER_INPUT, UNAUTHENTICATED...): the subgraph is up.
  return !(err instanceof GraphQLError);
}

/** A connection refused or dropped before any answer: the subgraph never ran the request. */
function isConnectionFailure(err: unknown): boolean {
  // undici's request throws the socket's error itself; fetch wraps it in `cause`.
  const failure = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const given = failure?.code ?? failure?.cause?.code;
  const code = typeof given === 'string' ? given : '';
  return ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'].includes(code);
}

function isQuery(options: ProcessOptions): boolean {
  const document = 'document' in options ? options.document : undefined;
  // The planner passes no document unless exposeDocumentNodeInFetchNode: read the text it
  // printed (`query ...` or `{...}`).
  if (!document) return /^\s*(query\b|\{)/.test(options.request.query ?? '');
  return document.definitions.some(
    (definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'query',
  );
}

export interface SubgraphDataSources {
  /** ApolloGateway's `buildService`: one data source per subgraph. */
  buildService(definition: { name: string; url?: string }): GraphQLDataSource<GatewayContext>;
  /** Closes the connection pools and the breakers' timers. */
  close(): Promise<void>;
}

/**
 * Subgraph clients (subgraphSource.ts) with the gateway's fault handling: a keep-alive
 * connection pool of bounded size per subgraph (undici), a timeout per subgraph, a circuit breaker (opossum) that fails fast
 * while a subgraph keeps failing and lets one request probe it every `probeIntervalMs`, and one
 * immediate retry of a query whose connection was refused or dropped before any answer (a
 * keep-alive connection closed by a subgraph that is shutting down), and identical queries in
 * flight at the same time merged into one call (see inFlight.ts). Any such failure reaches
 * the client as SUBGRAPH_UNAVAILABLE naming the subgraph, never its address.
 */
export function createSubgraphDataSources(
  config: GatewayConfig,
  logger: Logger,
): SubgraphDataSources {
  const pools: Pool[] = [];
  const breakers: CircuitBreaker[] = [];
  const { subgraphs } = config;

  return {
    buildService({ name, url: recorded }) {
      const known = name in config.subgraphUrls ? (name as SubgraphName) : undefined;
      const timeoutMs = known ? subgraphs.timeoutMs[known] : subgraphs.defaultTimeoutMs;
      const url = new URL((known && config.subgraphUrls[known]) ?? recorded ?? '');
      const pool = new Pool(url.origin, {
        connections: subgraphs.poolMax,
        keepAliveTimeout: 4_000,
        connect: { timeout: Math.min(timeoutMs, 5_000) },
      });
      pools.push(pool);
      const send = createSubgraphCall(pool, `${url.pathname}${url.search}`, timeoutMs);
      const source = new SubgraphDataSource({
        url: url.href,
        // Identical queries in flight at once share one call (GATEWAY_DEDUPE).
        call: subgraphs.dedupe ? dedupeInFlight(send) : send,
        gatewaySecret: config.gatewaySecret,
      });
      const processOnce = source.process.bind(source);
      const attempt = async (options: ProcessOptions): Promise<GatewayResponse> => {
        try {
          return await processOnce(options);
        } catch (err) {
          if (!isConnectionFailure(err) || !isQuery(options)) throw err;
          return processOnce(options);
        }
      };
      const breaker = new CircuitBreaker(attempt, {
        timeout: false, // the call's own deadline (subgraphFetch.ts) aborts the request itself
        resetTimeout: subgraphs.probeIntervalMs,
        errorThresholdPercentage: 50,
        volumeThreshold: subgraphs.breakerMinRequests,
        errorFilter: (err: unknown) => !isAvailabilityFailure(err),
      });
      breaker.on('open', () => logger.warn({ subgraph: name }, 'subgraph circuit open'));
      breaker.on('close', () => logger.info({ subgraph: name }, 'subgraph circuit closed'));
      breakers.push(breaker);
      source.process = async (options: ProcessOptions) => {
        try {
          return await breaker.fire(options);
        } catch (err) {
          if (err instanceof GraphQLError) throw err;
          if ((err as { code?: unknown }).code !== 'EOPENBREAKER') {
            logger.warn({ subgraph: name, err }, 'subgraph request failed');
          }
          throw subgraphUnavailable(name);
        }
      };
      return source;
    },
    async close() {
      for (const breaker of breakers) breaker.shutdown();
      await Promise.all(pools.map((pool) => pool.close()));
    },
  };
}
