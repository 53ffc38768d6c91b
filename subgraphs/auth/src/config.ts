import type { JWK } from 'jose';
import {
  ConfigError,
  DEFAULT_PORTS,
  DEV_KEY_PREFIX,
  bool,
  databaseSettings,
  int,
  loadOrCreateDevSigningKeys,
  nodeEnv,
  optionalStr,
  serviceDatabaseUrls,
  serviceRateLimits,
  str,
  subgraphBoundary,
  tokenConfig,
  type Env,
  type NodeEnv,
  type DatabaseSettings,
  type SubgraphBoundary,
  type ServiceRateLimits,
  type TokenConfig,
} from '@grahvani/shared';
import { loadFlowsConfig, type FlowsConfig } from './flowsConfig.ts';
import { loadAuthRateRules, type AuthRateRules } from './rateLimits.ts';

/** Configuration of the auth subgraph, read once from the environment. */
export interface AuthConfig {
  env: NodeEnv;
  /** Port to listen on (default 4001). */
  port: number;
  /** Interface to bind (default 127.0.0.1; 0.0.0.0 in containers). */
  host: string;
  /** Connection URL of the auth service's own role (schema app_auth); may be pooled. */
  databaseUrl: string;
  /** The same role straight to PostgreSQL, for LISTEN (AUTH_DIRECT_DATABASE_URL, default databaseUrl). */
  directDatabaseUrl: string;
  /** Pool size (DB_POOL_MAX), timeouts and health check interval. */
  database: DatabaseSettings;
  logLevel: string;
  tokens: TokenConfig & {
    /** Private signing keys (JWK), newest last: the newest signs, all are published. */
    signingKeys: JWK[];
    /** Access token lifetime in seconds (default 900). */
    accessTokenTtlSeconds: number;
    /** Absolute session lifetime in days (default 30). */
    sessionTtlDays: number;
  };
  throttle: ThrottleConfig;
  /** Days audit events are kept before housekeeping deletes them (AUDIT_RETENTION_DAYS, 400). */
  auditRetentionDays: number;
  /** Mail, mailed links and OpenID Connect providers of the account flows. */
  flows: FlowsConfig;
  /** Bearer token GET /metrics requires (METRICS_TOKEN); unset: open like /health. */
  metricsToken: string | undefined;
  /** Gateway proof, trusted proxies, own query limits, introspection. */
  boundary: SubgraphBoundary;
  /**
   * RATE_LIMITS and the limits of issue 15: per address (sign-up, mailed links, failed
   * attempts with mailed secrets) and per session (refresh) across replicas in PostgreSQL;
   * mutations per account per replica.
   */
  rateLimits: ServiceRateLimits & { rules: AuthRateRules };
}

/** Login throttling: failures counted in PostgreSQL, so every replica sees the same state. */
export interface ThrottleConfig {
  /** Window over which failures count, and how long a lock lasts (default 15 minutes). */
  windowMinutes: number;
  /** Failures of one account from one client address within the window that lock the pair (default 5). */
  accountAddressMaxFailures: number;
  /**
   * Failures of one account from all addresses within the window beyond which addresses that
   * never signed in to it are refused (default 50): slows a distributed attack.
   */
  accountMaxFailures: number;
  /** Failures from one IP address within the window that block it (default 100). */
  ipMaxFailures: number;
  /** Days login attempts are kept before housekeeping deletes them (default 90). */
  attemptRetentionDays: number;
}

/** Reads and validates the auth subgraph's configuration. */
export async function loadConfig(env: Env = process.env): Promise<AuthConfig> {
  const mode = nodeEnv(env);
  const signingKeys = await signingKeysFrom(env, mode);
  return {
    env: mode,
    port: int(env, 'PORT', DEFAULT_PORTS.auth, { max: 65535 }),
    host: str(env, 'HOST', '127.0.0.1'),
    ...serviceDatabaseUrls(env, 'AUTH_DATABASE_URL'),
    database: databaseSettings(env),
    logLevel: str(env, 'LOG_LEVEL', mode === 'test' ? 'silent' : 'info'),
    tokens: {
      ...tokenConfig(env),
      signingKeys,
      accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, { min: 30, max: 3600 }),
      sessionTtlDays: int(env, 'SESSION_TTL_DAYS', 30, { min: 1, max: 365 }),
    },
    throttle: {
      windowMinutes: int(env, 'LOGIN_THROTTLE_WINDOW_MINUTES', 15, { min: 1, max: 1440 }),
      accountAddressMaxFailures: int(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS', 5, {
        min: 1,
        max: 1000,
      }),
      accountMaxFailures: int(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 50, { min: 1, max: 100_000 }),
      ipMaxFailures: int(env, 'LOGIN_MAX_FAILURES_PER_IP', 100, { min: 1, max: 1_000_000 }),
      attemptRetentionDays: int(env, 'LOGIN_ATTEMPT_RETENTION_DAYS', 90, { min: 1, max: 3650 }),
    },
    auditRetentionDays: int(env, 'AUDIT_RETENTION_DAYS', 400, { min: 30, max: 36_500 }),
    flows: loadFlowsConfig(env),
    metricsToken: optionalStr(env, 'METRICS_TOKEN'),
    boundary: subgraphBoundary(env, mode),
    rateLimits: { ...serviceRateLimits(env, mode), rules: loadAuthRateRules(env) },
  };
}

async function signingKeysFrom(env: Env, mode: NodeEnv): Promise<JWK[]> {
  const raw = optionalStr(env, 'JWT_PRIVATE_KEYS');
  let keys: JWK[];
  if (raw) {
    try {
      const parsed: unknown = JSON.parse(raw);
      keys = (Array.isArray(parsed) ? parsed : [parsed]) as JWK[];
    } catch {
      throw new ConfigError('JWT_PRIVATE_KEYS must be a JSON array of private JWKs');
    }
  } else if (mode === 'production' && !bool(env, 'ALLOW_DEV_SECRETS', false)) {
    throw new ConfigError(
      'JWT_PRIVATE_KEYS is required in production (ALLOW_DEV_SECRETS=1 uses the development key)',
    );
  } else {
    keys = await loadOrCreateDevSigningKeys(str(env, 'DATA_DIR', '.data'));
  }
  if (
    keys.length === 0 ||
    keys.some((k) => !k.kid || !k.d || (k.crv !== 'Ed25519' && k.crv !== 'P-256'))
  ) {
    throw new ConfigError('JWT_PRIVATE_KEYS: every key needs kid, d and crv Ed25519 or P-256');
  }
  if (
    mode === 'production' &&
    keys.some((k) => k.kid?.startsWith(DEV_KEY_PREFIX)) &&
    !bool(env, 'ALLOW_DEV_SECRETS', false)
  ) {
    throw new ConfigError(
      'Development signing keys are refused in production (ALLOW_DEV_SECRETS=1 to override)',
    );
  }
  return keys;
}
