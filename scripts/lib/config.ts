import { randomInt } from 'node:crypto';
import path from 'node:path';
import {
  ConfigError,
  DEFAULT_PORTS,
  bool,
  databaseSettings,
  databaseUrl,
  int,
  nodeEnv,
  optionalStr,
  str,
  type Env,
  type NodeEnv,
} from '@grahvani/shared';

/** The services that own a database schema, with their role and URL variable. */
export const DATABASE_SERVICES = [
  { service: 'auth', schema: 'app_auth', role: 'auth_svc', urlVar: 'AUTH_DATABASE_URL' },
  { service: 'users', schema: 'app_users', role: 'users_svc', urlVar: 'USERS_DATABASE_URL' },
  {
    service: 'clients',
    schema: 'app_clients',
    role: 'clients_svc',
    urlVar: 'CLIENTS_DATABASE_URL',
  },
] as const;
export type DatabaseService = (typeof DATABASE_SERVICES)[number]['service'];

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Configuration of the project scripts (start, migrate, seed), read once. */
export interface StackConfig {
  env: NodeEnv;
  /** Owner URL (migrations). Unset: `npm start` runs an embedded PostgreSQL. */
  databaseUrl: string | undefined;
  /** Per-service role URLs given explicitly (the rest are derived in development). */
  serviceUrls: Partial<Record<DatabaseService, string>>;
  /** Where development state lives: embedded cluster, signing keys, mail. */
  dataDir: string;
  embeddedPort: number;
  ports: { gateway: number; auth: number; users: number; clients: number };
  /**
   * Seed demo accounts and clients (never in production). Default on in development with the
   * embedded database; against an external `DATABASE_URL` only with `SEED=1`, so that known
   * demo passwords never appear in a shared database by accident.
   */
  seed: boolean;
  /**
   * ALLOW_DEV_SECRETS=1 in production: run on one machine with what development generates
   * (embedded database, derived role passwords, `.data` signing keys), each one announced.
   */
  allowDevSecrets: boolean;
  /**
   * DB_STATEMENT_TIMEOUT_MS: migrations make it each service role's default statement_timeout,
   * the one that holds behind PgBouncer (services send it themselves only on direct connections).
   */
  statementTimeoutMs: number;
  /** GATEWAY_SECRET when given; `npm start` generates one into `<dataDir>/keys` otherwise. */
  gatewaySecret: string | undefined;
  /** JWKS_URL when given, else auth's JWKS on its local port: where the services fetch keys. */
  jwksUrl: string;
  /** Variables the services read themselves, noted here so `npm start` decides what it fills in. */
  given: {
    /** JWT_PRIVATE_KEYS is set (else auth uses its development key). */
    jwtPrivateKeys: boolean;
    /** APP_URL is set (else mailed links need a default). */
    appUrl: boolean;
    /** SMTP_URL or MAIL_DIR is set (else mail is kept as files under the data dir). */
    mail: boolean;
  };
  /**
   * The environment `npm start` was given, passed on to the services it spawns (which read their
   * own variables in their config modules); the script decides nothing from it.
   */
  inherited: Env;
}

/** Why production refuses to run without an owner URL (unless ALLOW_DEV_SECRETS=1). */
export const OWNER_URL_REQUIRED =
  'DATABASE_URL is required in production (ALLOW_DEV_SECRETS=1 runs production on an embedded database with development secrets)';

export function loadStackConfig(env: Env = process.env): StackConfig {
  const mode = nodeEnv(env);
  const serviceUrls: StackConfig['serviceUrls'] = {};
  for (const { service, urlVar } of DATABASE_SERVICES) {
    if (optionalStr(env, urlVar)) serviceUrls[service] = databaseUrl(env, urlVar);
  }
  const external = optionalStr(env, 'DATABASE_URL') !== undefined;
  const seed = bool(env, 'SEED', mode === 'development' && !external);
  if (seed && mode === 'production') throw new ConfigError('SEED is refused in production');
  const allowDevSecrets = mode === 'production' && bool(env, 'ALLOW_DEV_SECRETS', false);
  const ownerUrl = optionalStr(env, 'DATABASE_URL') && databaseUrl(env, 'DATABASE_URL');
  // A tool that needs only a service's own URL (npm run admin with AUTH_DATABASE_URL) runs
  // without the owner's; with nothing configured, production must not fall back to embedded.
  const nothingConfigured = !ownerUrl && Object.keys(serviceUrls).length === 0;
  if (mode === 'production' && nothingConfigured && !allowDevSecrets) {
    throw new ConfigError(OWNER_URL_REQUIRED);
  }
  const authPort = int(env, 'AUTH_PORT', DEFAULT_PORTS.auth, { min: 1, max: 65535 });
  return {
    env: mode,
    databaseUrl: ownerUrl,
    serviceUrls,
    dataDir: path.resolve(ROOT, str(env, 'DATA_DIR', '.data')),
    embeddedPort: int(env, 'EMBEDDED_PG_PORT', 54329, { min: 1, max: 65535 }),
    ports: {
      gateway: int(env, 'GATEWAY_PORT', DEFAULT_PORTS.gateway, { min: 1, max: 65535 }),
      auth: authPort,
      users: int(env, 'USERS_PORT', DEFAULT_PORTS.users, { min: 1, max: 65535 }),
      clients: int(env, 'CLIENTS_PORT', DEFAULT_PORTS.clients, { min: 1, max: 65535 }),
    },
    seed,
    allowDevSecrets,
    statementTimeoutMs: databaseSettings(env).statementTimeoutMs,
    gatewaySecret: optionalStr(env, 'GATEWAY_SECRET'),
    jwksUrl: str(env, 'JWKS_URL', `http://127.0.0.1:${authPort}/.well-known/jwks.json`),
    given: {
      jwtPrivateKeys: optionalStr(env, 'JWT_PRIVATE_KEYS') !== undefined,
      appUrl: optionalStr(env, 'APP_URL') !== undefined,
      mail:
        optionalStr(env, 'SMTP_URL') !== undefined || optionalStr(env, 'MAIL_DIR') !== undefined,
    },
    inherited: env,
  };
}

/** `npm run fuzz`: the sweep's seed (FUZZ_SEED, else random) and cases per operation (FUZZ_RUNS). */
export interface FuzzConfig {
  seed: number;
  runs: number;
  /** The environment to pass on to vitest, with the seed and runs chosen here. */
  childEnv: Env;
}

export function loadFuzzConfig(env: Env = process.env): FuzzConfig {
  const seed = int(env, 'FUZZ_SEED', randomInt(2 ** 31 - 1));
  const runs = int(env, 'FUZZ_RUNS', 200, { min: 1 });
  return { seed, runs, childEnv: { ...env, FUZZ_SEED: String(seed), FUZZ_RUNS: String(runs) } };
}

/** Where `npm run mailbox` reads development mail: MAIL_DIR, else `<DATA_DIR>/mail` (as auth writes it). */
export function loadMailDir(env: Env = process.env): string {
  return path.resolve(
    ROOT,
    optionalStr(env, 'MAIL_DIR') ?? path.join(str(env, 'DATA_DIR', '.data'), 'mail'),
  );
}

/** `npm run admin`: what auth's admin CLI takes from the environment (ADMIN_PASSWORD). */
/** What `npm run admin -- create-admin` needs from the environment. */
export interface AdminCliConfig {
  /** Password of the new admin (ADMIN_PASSWORD); prompted for when unset. */
  password?: string;
}

export function loadAdminScriptConfig(env: Env = process.env): AdminCliConfig {
  return { password: optionalStr(env, 'ADMIN_PASSWORD') };
}
