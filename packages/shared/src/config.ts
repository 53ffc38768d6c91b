/** Helpers for the per-package `config` modules: the only code that reads `process.env`. */
import { gatewaySecret } from './gatewayProof.ts';
import { localJwksUrl } from './ports.ts';
import { trustedProxies } from './proxies.ts';
import type { RateLimitRule } from './rateLimit.ts';
import { tracingConfig, type TracingConfig } from './tracing.ts';

export class ConfigError extends Error {}

export type Env = Record<string, string | undefined>;

export type NodeEnv = 'development' | 'production' | 'test';

export function nodeEnv(env: Env): NodeEnv {
  const value = env.NODE_ENV ?? 'development';
  if (value !== 'development' && value !== 'production' && value !== 'test') {
    throw new ConfigError(`NODE_ENV must be development, production or test (got "${value}")`);
  }
  return value;
}

export function str(env: Env, name: string, fallback?: string): string {
  const value = env[name];
  if (value !== undefined && value !== '') return value;
  if (fallback !== undefined) return fallback;
  throw new ConfigError(`${name} is required`);
}

export function optionalStr(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function int(env: Env, name: string, fallback: number, { min = 0, max = 2 ** 31 } = {}) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return value;
}

export function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes)$/i.test(raw)) return true;
  if (/^(0|false|no)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

/** A PostgreSQL URL, checked for shape so a typo fails at start with its name. */
export function databaseUrl(env: Env, name: string, fallback?: string): string {
  const value = str(env, name, fallback);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} must be a postgresql:// URL`);
  }
  return value;
}

/**
 * A service's database URLs: `urlVar` (e.g. AUTH_DATABASE_URL) for queries, which may go
 * through PgBouncer in transaction mode, and the matching `*_DIRECT_DATABASE_URL` (e.g.
 * AUTH_DIRECT_DATABASE_URL) straight to PostgreSQL for what needs a session of its own: LISTEN
 * for revocations. The direct URL defaults to the pooled one (no pooler).
 */
export function serviceDatabaseUrls(
  env: Env,
  urlVar: string,
): { databaseUrl: string; directDatabaseUrl: string } {
  const pooled = databaseUrl(env, urlVar);
  return {
    databaseUrl: pooled,
    directDatabaseUrl: databaseUrl(env, directUrlVar(urlVar), pooled),
  };
}

/** AUTH_DATABASE_URL → AUTH_DIRECT_DATABASE_URL. */
export function directUrlVar(urlVar: string): string {
  return urlVar.replace(/_DATABASE_URL$/, '_DIRECT_DATABASE_URL');
}

/**
 * The frontend's URL (APP_URL): where mailed links point and, outside production, an origin
 * the gateway lets call it cross-origin. Required in production; http://localhost:3000 elsewhere.
 */
export function appUrl(env: Env, mode: NodeEnv): string {
  const fallback = mode === 'production' ? undefined : 'http://localhost:3000';
  const value = str(env, 'APP_URL', fallback);
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new ConfigError('APP_URL must be an http(s) URL');
  }
  return value.replace(/\/+$/, '');
}

/** The `iss`/`aud` pair of access tokens and where their public keys are published. */
export interface TokenConfig {
  issuer: string;
  audience: string;
  jwksUrl: string;
}

export function tokenConfig(env: Env): TokenConfig {
  return {
    issuer: str(env, 'JWT_ISSUER', 'https://auth.grahvani.dev'),
    audience: str(env, 'JWT_AUDIENCE', 'grahvani-graph'),
    jwksUrl: str(env, 'JWKS_URL', localJwksUrl()),
  };
}

/** How a subgraph guards its boundary: only the gateway, limited documents, known proxies. */
export interface SubgraphBoundary {
  /** The secret the gateway sends in `x-gateway-secret` (GATEWAY_SECRET). */
  gatewaySecret: string;
  /** Peers whose X-Forwarded-For is believed (TRUSTED_PROXIES, default loopback). */
  trustedProxies: string[];
  /**
   * The subgraph's own limits, looser than the gateway's so that no query plan of an accepted
   * operation is refused: SUBGRAPH_MAX_DEPTH (16), SUBGRAPH_MAX_TOKENS (10000).
   */
  limits: { maxDepth: number; maxTokens: number };
  /** Introspection (off in production: the supergraph is composed from the SDL files). */
  introspection: boolean;
}

export function subgraphBoundary(env: Env, mode: NodeEnv): SubgraphBoundary {
  return {
    gatewaySecret: gatewaySecret(env, mode),
    trustedProxies: trustedProxies(env),
    limits: {
      maxDepth: int(env, 'SUBGRAPH_MAX_DEPTH', 16, { min: 2 }),
      maxTokens: int(env, 'SUBGRAPH_MAX_TOKENS', 10_000, { min: 100 }),
    },
    introspection: mode !== 'production',
  };
}

/** A service's database pool and its timeouts (seed 000's DatabaseManager settings). */
export interface DatabaseSettings {
  /** Connections in the service's pool (DB_POOL_MAX, default 10). */
  max: number;
  /** statement_timeout of every connection (DB_STATEMENT_TIMEOUT_MS, default 30000; 0 = none). */
  statementTimeoutMs: number;
  /** Longest transaction (DB_TRANSACTION_TIMEOUT_MS, default 30000). */
  transactionTimeoutMs: number;
  /** How often the health check behind /ready runs (DB_HEALTH_INTERVAL_MS, default 30000). */
  healthIntervalMs: number;
}

export function databaseSettings(env: Env): DatabaseSettings {
  return {
    max: int(env, 'DB_POOL_MAX', 10, { min: 1, max: 500 }),
    statementTimeoutMs: int(env, 'DB_STATEMENT_TIMEOUT_MS', 30_000, { max: 3_600_000 }),
    transactionTimeoutMs: int(env, 'DB_TRANSACTION_TIMEOUT_MS', 30_000, {
      min: 100,
      max: 3_600_000,
    }),
    healthIntervalMs: int(env, 'DB_HEALTH_INTERVAL_MS', 30_000, { min: 100, max: 3_600_000 }),
  };
}

/** What every subgraph reads: where to listen, its database role, logging and token checks. */
export interface ServiceConfig {
  env: NodeEnv;
  /** Port to listen on. */
  port: number;
  /** Interface to bind (default 127.0.0.1; 0.0.0.0 in containers). */
  host: string;
  /** Connection URL of the service's own database role (may be pooled, e.g. PgBouncer). */
  databaseUrl: string;
  /** The same role straight to PostgreSQL, for LISTEN (`*_DIRECT_DATABASE_URL`, default databaseUrl). */
  directDatabaseUrl: string;
  /** Connections in the service's pool (DB_POOL_MAX, default 10). */
  poolMax: number;
  /** Pool size, timeouts and health check interval of the service's database. */
  database: DatabaseSettings;
  logLevel: string;
  tokens: TokenConfig;
  /** Bearer token GET /metrics requires (METRICS_TOKEN); unset: /metrics is open like /health. */
  metricsToken: string | undefined;
  boundary: SubgraphBoundary;
  rateLimits: ServiceRateLimits;
}

/** Reads a subgraph's common settings; `databaseUrlVar` names its own URL variable. */
export function serviceConfig(
  env: Env,
  { defaultPort, databaseUrlVar }: { defaultPort: number; databaseUrlVar: string },
): ServiceConfig {
  const mode = nodeEnv(env);
  const database = databaseSettings(env);
  return {
    env: mode,
    port: int(env, 'PORT', defaultPort, { max: 65535 }),
    host: str(env, 'HOST', '127.0.0.1'),
    ...serviceDatabaseUrls(env, databaseUrlVar),
    poolMax: database.max,
    database,
    logLevel: str(env, 'LOG_LEVEL', mode === 'test' ? 'silent' : 'info'),
    tokens: tokenConfig(env),
    metricsToken: optionalStr(env, 'METRICS_TOKEN'),
    boundary: subgraphBoundary(env, mode),
    rateLimits: serviceRateLimits(env, mode),
  };
}

/**
 * RATE_LIMITS=on|off: on by default in production, off by default in development and test
 * (local tools and test suites sign up many accounts from one address).
 */
export function rateLimitsEnabled(env: Env, mode: NodeEnv): boolean {
  const value = str(env, 'RATE_LIMITS', mode === 'production' ? 'on' : 'off');
  if (value !== 'on' && value !== 'off') {
    throw new ConfigError(`RATE_LIMITS must be on or off (got "${value}")`);
  }
  return value === 'on';
}

/** A limit of `fallback` per window, overridden by the integer variable `variable`. */
export function rateLimitRule(
  env: Env,
  variable: string,
  { name, fallback, windowSeconds }: { name: string; fallback: number; windowSeconds: number },
): RateLimitRule {
  return { name, windowSeconds, max: int(env, variable, fallback, { min: 1, max: 1_000_000 }) };
}

/** The limits every subgraph applies. */
export interface ServiceRateLimits {
  /** RATE_LIMITS: off lets everything through. */
  enabled: boolean;
  /** Mutations per signed-in account a minute, per replica (RATE_LIMIT_MUTATIONS_PER_MINUTE, 120). */
  mutations: RateLimitRule;
}

export function serviceRateLimits(env: Env, mode: NodeEnv): ServiceRateLimits {
  return {
    enabled: rateLimitsEnabled(env, mode),
    mutations: rateLimitRule(env, 'RATE_LIMIT_MUTATIONS_PER_MINUTE', {
      name: 'mutations',
      fallback: 120,
      windowSeconds: 60,
    }),
  };
}

/**
 * What `runService` needs before the service's own config is loaded: the level of its start-up
 * logger (LOG_LEVEL, default info) and its tracing (see tracing.ts). A bad tracing variable
 * throws ConfigError, which runService reports as the reason it cannot start.
 */
export interface StartupConfig {
  logLevel: string;
  tracing: TracingConfig;
}

export function startupConfig(service: string, env: Env = process.env): StartupConfig {
  return { logLevel: str(env, 'LOG_LEVEL', 'info'), tracing: tracingConfig(env, service) };
}
