import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corsConfig, type CorsConfig } from './cors.ts';
import {
  ConfigError,
  DEFAULT_PORTS,
  bool,
  defaultSubgraphUrl,
  gatewaySecret,
  int,
  nodeEnv,
  rateLimitRule,
  rateLimitsEnabled,
  optionalStr,
  str,
  tokenConfig,
  trustedProxies,
  type Env,
  type NodeEnv,
  type TokenConfig,
} from '@grahvani/shared';
import type { RequestRateLimits } from './requestRate.ts';

export type SubgraphName = 'auth' | 'users' | 'clients';
const SUBGRAPHS: SubgraphName[] = ['auth', 'users', 'clients'];

/** How the gateway treats its subgraphs when they fail. */
export interface SubgraphFaultConfig {
  /** Deadline of one subgraph request (SUBGRAPH_TIMEOUT_MS, default 10000). */
  defaultTimeoutMs: number;
  /** Per-subgraph deadlines (SUBGRAPH_TIMEOUT_MS_AUTH, _USERS, _CLIENTS; default the above). */
  timeoutMs: Record<SubgraphName, number>;
  /** Keep-alive connections per subgraph at most (SUBGRAPH_POOL_MAX, default 64). */
  poolMax: number;
  /** While a subgraph's circuit is open, one request probes it this often (SUBGRAPH_PROBE_INTERVAL_MS, 5000). */
  probeIntervalMs: number;
  /** Requests within 10 s before failures can open a circuit (SUBGRAPH_BREAKER_MIN_REQUESTS, 5). */
  breakerMinRequests: number;
  /**
   * Identical queries to a subgraph in flight at the same time (same document, variables and
   * headers, Authorization included) share one call (GATEWAY_DEDUPE, default true).
   */
  dedupe: boolean;
}

/** Configuration of the gateway, read once from the environment. */
export interface GatewayConfig {
  env: NodeEnv;
  /** Port to listen on (default 4000). */
  port: number;
  host: string;
  logLevel: string;
  /** Composed supergraph file (default gateway/supergraph.graphql). */
  supergraphPath: string;
  /** Subgraph endpoints by name; override the URLs recorded in the supergraph. */
  subgraphUrls: Record<SubgraphName, string>;
  subgraphs: SubgraphFaultConfig;
  tokens: TokenConfig;
  /** Apollo Sandbox at GET / and introspection (default: on outside production). */
  sandbox: boolean;
  /** The only operations served (OPERATION_ALLOWLIST); null serves all. */
  allowlist: AllowlistSource | null;
  /** Browser origins allowed to call the gateway (CORS_ORIGINS). */
  cors: CorsConfig;
  limits: QueryLimits;
  /** Bearer token GET /metrics requires (METRICS_TOKEN); unset: open like /health. */
  metricsToken: string | undefined;
  /** Sent to every subgraph in `x-gateway-secret` (GATEWAY_SECRET; see gatewaySecret()). */
  gatewaySecret: string;
  /** Peers whose X-Forwarded-For chain is kept (TRUSTED_PROXIES, default loopback). */
  trustedProxies: string[];
  /** Requests a minute per address and per account (RATE_LIMITS, RATE_LIMIT_*REQUESTS_PER_MINUTE). */
  rateLimits: RequestRateLimits;
  /** Gateway processes sharing the port (GATEWAY_WORKERS, default 1; see workers.ts). */
  workers: number;
}

/** The frontends' operations (contract/*.graphql), shown in GraphiQL and used by the allowlist. */
export const CONTRACT_DIR = fileURLToPath(new URL('../../contract', import.meta.url));

/** The persisted-operation manifest `npm run codegen` writes (hash to document). */
export const OPERATIONS_MANIFEST = fileURLToPath(
  new URL('../../packages/operations/src/generated/persisted-documents.json', import.meta.url),
);

/**
 * Where the allowlist's operations come from: the contract's `.graphql` files, or a
 * persisted-operation manifest (a JSON object of `"sha256:<hex>"` to document).
 */
export type AllowlistSource =
  { kind: 'contract'; dir: string } | { kind: 'manifest'; file: string };

/** Limits on the shape and cost of an operation, checked before any subgraph is called. */
export interface QueryLimits {
  /** Deepest selection nesting (MAX_QUERY_DEPTH, 12). */
  maxDepth: number;
  /** Aliased fields in an operation, `__typename` included (MAX_QUERY_ALIASES, 15). */
  maxAliases: number;
  /**
   * Cost of an operation computed with its variable values (MAX_QUERY_COST, 10000): every
   * field counts 1 each time it can be resolved, list sizes multiply (see cost.ts).
   */
  maxCost: number;
  /** Lexical tokens in a document (MAX_QUERY_TOKENS, 2000). */
  maxTokens: number;
  /** Directives on one field, fragment or operation (MAX_FIELD_DIRECTIVES, 5). */
  maxFieldDirectives: number;
  /** Directives in an operation and the fragments it uses (MAX_QUERY_DIRECTIVES, 50). */
  maxDirectives: number;
}

/** Reads and validates the gateway's configuration. */
export function loadConfig(env: Env = process.env): GatewayConfig {
  const mode = nodeEnv(env);
  return {
    env: mode,
    port: int(env, 'PORT', DEFAULT_PORTS.gateway, { max: 65535 }),
    host: str(env, 'HOST', '127.0.0.1'),
    logLevel: str(env, 'LOG_LEVEL', mode === 'test' ? 'silent' : 'info'),
    supergraphPath: str(
      env,
      'SUPERGRAPH_PATH',
      fileURLToPath(new URL('../supergraph.graphql', import.meta.url)),
    ),
    subgraphUrls: {
      auth: str(env, 'AUTH_SUBGRAPH_URL', defaultSubgraphUrl('auth')),
      users: str(env, 'USERS_SUBGRAPH_URL', defaultSubgraphUrl('users')),
      clients: str(env, 'CLIENTS_SUBGRAPH_URL', defaultSubgraphUrl('clients')),
    },
    subgraphs: subgraphFaults(env),
    tokens: tokenConfig(env),
    sandbox: bool(env, 'SANDBOX', mode !== 'production'),
    allowlist: allowlistSource(env),
    cors: corsConfig(env, mode),
    limits: {
      maxDepth: int(env, 'MAX_QUERY_DEPTH', 12, { min: 1 }),
      maxAliases: int(env, 'MAX_QUERY_ALIASES', 15, { min: 0 }),
      maxCost: int(env, 'MAX_QUERY_COST', 10_000, { min: 1 }),
      maxTokens: int(env, 'MAX_QUERY_TOKENS', 2000, { min: 1 }),
      maxFieldDirectives: int(env, 'MAX_FIELD_DIRECTIVES', 5, { min: 0 }),
      maxDirectives: int(env, 'MAX_QUERY_DIRECTIVES', 50, { min: 0 }),
    },
    metricsToken: optionalStr(env, 'METRICS_TOKEN'),
    gatewaySecret: gatewaySecret(env, mode),
    trustedProxies: trustedProxies(env),
    rateLimits: {
      enabled: rateLimitsEnabled(env, mode),
      perAddress: rateLimitRule(env, 'RATE_LIMIT_REQUESTS_PER_MINUTE', {
        name: 'requests',
        fallback: 600,
        windowSeconds: 60,
      }),
      perAccount: rateLimitRule(env, 'RATE_LIMIT_ACCOUNT_REQUESTS_PER_MINUTE', {
        name: 'accountRequests',
        fallback: 300,
        windowSeconds: 60,
      }),
    },
    workers: int(env, 'GATEWAY_WORKERS', 1, { min: 1, max: 64 }),
  };
}

function subgraphFaults(env: Env): SubgraphFaultConfig {
  const limits = { min: 1, max: 600_000 };
  const defaultTimeoutMs = int(env, 'SUBGRAPH_TIMEOUT_MS', 10_000, limits);
  const timeoutMs = Object.fromEntries(
    SUBGRAPHS.map((name) => [
      name,
      int(env, `SUBGRAPH_TIMEOUT_MS_${name.toUpperCase()}`, defaultTimeoutMs, limits),
    ]),
  ) as Record<SubgraphName, number>;
  return {
    defaultTimeoutMs,
    timeoutMs,
    poolMax: int(env, 'SUBGRAPH_POOL_MAX', 64, { min: 1, max: 10_000 }),
    probeIntervalMs: int(env, 'SUBGRAPH_PROBE_INTERVAL_MS', 5_000, limits),
    breakerMinRequests: int(env, 'SUBGRAPH_BREAKER_MIN_REQUESTS', 5, { min: 1 }),
    dedupe: bool(env, 'GATEWAY_DEDUPE', true),
  };
}

function allowlistSource(env: Env): AllowlistSource | null {
  const value = str(env, 'OPERATION_ALLOWLIST', 'off');
  if (value === 'off') return null;
  if (value === 'contract') return { kind: 'contract', dir: CONTRACT_DIR };
  if (value === 'manifest') return { kind: 'manifest', file: OPERATIONS_MANIFEST };
  if (value.endsWith('.json')) return { kind: 'manifest', file: path.resolve(value) };
  throw new ConfigError(
    `OPERATION_ALLOWLIST must be off, contract, manifest or a manifest's .json path (got "${value}")`,
  );
}
