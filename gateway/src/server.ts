import './telemetry.ts';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import {
  closingRevocations,
  createForwardedFor,
  createFormatError,
  createHttpService,
  createRevokingVerifier,
  legacyJsonStatusPlugin,
  createServiceMetrics,
  requestLogPlugin,
  readyWithRevocations,
  type HttpService,
  type Identity,
  type Logger,
  type TokenVerifier,
} from '@grahvani/shared';
import { allowlistPlugin, contractPersistedQueries, loadAllowlist } from './allowlist.ts';
import { CONTRACT_DIR, type GatewayConfig } from './config.ts';
import { createCors } from './cors.ts';
import { createSubgraphDataSources } from './dataSource.ts';
import { documentIdPlugin } from './documentId.ts';
import { mountGraphiql } from './graphiql.ts';
import { createQueryLimits } from './limits.ts';
import { createSubgraphMetrics } from './subgraphMetrics.ts';
import { unavailableSubgraphsPlugin } from './unavailableSubgraphs.ts';
import { scalarInputPlugin } from './scalarInput.ts';
import { variableDepthPlugin } from './variableDepth.ts';
import { createRequestRate } from './requestRate.ts';
import { tokenIgnoredPlugin } from './tokenIgnored.ts';

/** Per-request gateway context: the verified caller and the headers subgraphs receive. */
export interface GatewayContext {
  identity: Identity | null;
  /** A token was sent but ignored (expired, revoked, invalid): the request runs anonymous. */
  tokenIgnored: boolean;
  forwardHeaders: Record<string, string>;
}

/** Headers passed on to subgraphs (each subgraph verifies the token again). */
const FORWARDED = ['authorization', 'idempotency-key', 'user-agent', 'x-request-id'];

export interface GatewayOptions {
  config: GatewayConfig;
  logger: Logger;
  supergraphSdl: string;
  /**
   * Access-token verifier; by default one fetching keys from config.tokens.jwksUrl and
   * refusing revoked sessions (fed by the auth service's revocation stream).
   */
  verifier?: TokenVerifier;
}

/**
 * The gateway as an HTTP service (not yet listening): plans queries over the committed
 * supergraph, verifies the access token once per request, enforces query limits.
 */
export async function createGateway({
  config,
  logger,
  supergraphSdl,
  verifier: given,
}: GatewayOptions): Promise<HttpService> {
  const { verifier, revocations } = given
    ? { verifier: given, revocations: undefined }
    : await createRevokingVerifier(config.tokens, logger, { gatewaySecret: config.gatewaySecret });
  const metrics = createServiceMetrics('gateway');
  if (revocations) metrics.observeRevocations(revocations);
  const measured = createSubgraphMetrics(metrics);
  const dataSources = createSubgraphDataSources(config, logger);
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: (definition) => measured(definition.name, dataSources.buildService(definition)),
  });
  const limits = createQueryLimits<GatewayContext>(config.limits, {
    hideSuggestions: config.env === 'production',
  });
  const allowlist = config.allowlist ? loadAllowlist(config.allowlist) : null;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    validationRules: limits.validationRules,
    allowBatchedHttpRequests: limits.allowBatchedHttpRequests,
    parseOptions: { maxTokens: config.limits.maxTokens },
    // With the allowlist, only the contract's hashes are known (no registration by clients).
    ...(allowlist ? { persistedQueries: { cache: contractPersistedQueries(allowlist) } } : {}),
    formatError: createFormatError(logger, { exposeDetails: config.env === 'development' }),
    includeStacktraceInErrorResponses: config.env === 'development',
    introspection: config.sandbox,
    logger,
    stopOnTerminationSignals: false,
    plugins: [
      metrics.plugin(),
      requestLogPlugin(logger),
      documentIdPlugin<GatewayContext>(),
      ...(allowlist ? [allowlistPlugin<GatewayContext>(allowlist)] : []),
      ...limits.plugins,
      unavailableSubgraphsPlugin<GatewayContext>(),
      legacyJsonStatusPlugin<GatewayContext>(),
      tokenIgnoredPlugin(),
      variableDepthPlugin<GatewayContext>(),
      scalarInputPlugin<GatewayContext>(),
      config.sandbox
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  const authOrigin = new URL(config.subgraphUrls.auth).origin;
  const forwardedFor = createForwardedFor(config.trustedProxies);
  const requestRate = createRequestRate(config.rateLimits, verifier);
  const service = await createHttpService({
    apollo,
    trustedProxies: config.trustedProxies,
    // importClients takes CSV text of up to 5 MB (the clients subgraph refuses more, clearly).
    bodyLimit: '6mb',
    // Browser apps on other origins (APP_URL, CORS_ORIGINS); Apollo's CSRF prevention still
    // refuses simple requests, which a browser sends without a preflight.
    cors: createCors(config.cors),
    metrics: { registry: metrics.registry, token: config.metricsToken },
    logger,
    async context(req) {
      const { identity, tokenIgnored } = await requestRate.identityOf(req);
      const forwardHeaders: Record<string, string> = {};
      for (const name of FORWARDED) {
        // An ignored token is not passed on: the subgraphs see an anonymous request too.
        if (name === 'authorization' && tokenIgnored) continue;
        const value = req.get(name);
        if (value) forwardHeaders[name] = value;
      }
      // The client's address for the auth service's per-IP login throttle and session list:
      // the chain received from a trusted proxy plus the peer, or only the peer (TRUSTED_PROXIES).
      const chain = forwardedFor(req);
      if (chain) forwardHeaders['x-forwarded-for'] = chain;
      return { identity, tokenIgnored, forwardHeaders };
    },
    routes(app) {
      // Before parsing and planning: a refused request costs a counter, nothing more.
      app.use('/graphql', requestRate.middleware);
      // The signing keys on the gateway's own origin, for clients that verify tokens.
      app.get('/.well-known/jwks.json', async (_req, res) => {
        try {
          const upstream = await fetch(`${authOrigin}/.well-known/jwks.json`);
          res
            .status(upstream.status)
            .set('Cache-Control', 'public, max-age=300')
            .json(await upstream.json());
        } catch {
          res.status(502).json({ error: 'auth service unavailable' });
        }
      });
      // Sandbox lives at /graphql (GET with Accept: text/html); / points there.
      app.get('/', (_req, res) => res.redirect('/graphql'));
      // GraphiQL from installed packages, for browsers without internet access.
      if (config.sandbox) {
        mountGraphiql(app, { contractDir: CONTRACT_DIR, endpoint: '/graphql' });
      }
    },
    ready: readyWithRevocations(async () => {
      const checks = await Promise.all(
        Object.entries(config.subgraphUrls).map(async ([name, url]) => {
          try {
            const res = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(2_000) });
            return [name, res.ok] as const;
          } catch {
            return [name, false] as const;
          }
        }),
      );
      return { ok: checks.every(([, ok]) => ok), subgraphs: Object.fromEntries(checks) };
    }, revocations),
  });
  const closeService = service.close.bind(service);
  return closingRevocations(
    Object.assign(service, {
      async close() {
        await closeService();
        await dataSources.close();
      },
    }),
    revocations,
  );
}
