/** Helpers for the per-package `config` modules: the only code that reads `process.env`. */

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
    jwksUrl: str(env, 'JWKS_URL', 'http://127.0.0.1:4001/.well-known/jwks.json'),
  };
}

/** What every subgraph reads: where to listen, its database role, logging and token checks. */
export interface ServiceConfig {
  env: NodeEnv;
  /** Port to listen on. */
  port: number;
  /** Interface to bind (default 127.0.0.1; 0.0.0.0 in containers). */
  host: string;
  /** Connection URL of the service's own database role. */
  databaseUrl: string;
  /** Connections in the service's pool (DB_POOL_MAX, default 10). */
  poolMax: number;
  logLevel: string;
  tokens: TokenConfig;
  /** Bearer token GET /metrics requires (METRICS_TOKEN); unset: /metrics is open like /health. */
  metricsToken: string | undefined;
}

/** Reads a subgraph's common settings; `databaseUrlVar` names its own URL variable. */
export function serviceConfig(
  env: Env,
  { defaultPort, databaseUrlVar }: { defaultPort: number; databaseUrlVar: string },
): ServiceConfig {
  const mode = nodeEnv(env);
  return {
    env: mode,
    port: int(env, 'PORT', defaultPort, { max: 65535 }),
    host: str(env, 'HOST', '127.0.0.1'),
    databaseUrl: databaseUrl(env, databaseUrlVar),
    poolMax: int(env, 'DB_POOL_MAX', 10, { min: 1, max: 500 }),
    logLevel: str(env, 'LOG_LEVEL', mode === 'test' ? 'silent' : 'info'),
    tokens: tokenConfig(env),
    metricsToken: optionalStr(env, 'METRICS_TOKEN'),
  };
}
