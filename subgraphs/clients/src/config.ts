import {
  DEFAULT_PORTS,
  int,
  rateLimitRule,
  serviceConfig,
  type Env,
  type RateLimitRule,
  type ServiceConfig,
  type ServiceRateLimits,
} from '@grahvani/shared';

export interface ClientsConfig extends ServiceConfig {
  rateLimits: ServiceRateLimits & {
    /** importClients per tenant an hour, across replicas (RATE_LIMIT_IMPORTS_PER_HOUR, 10). */
    imports: RateLimitRule;
  };
  imports: {
    /** Imports with more data rows than this finish in the background (CLIENT_IMPORT_SYNC_ROWS, 200). */
    syncRows: number;
    /** Rows committed per background transaction: the resume granularity (CLIENT_IMPORT_CHUNK_ROWS, 100). */
    chunkRows: number;
    /** A background import without a heartbeat for this long is resumed or failed (CLIENT_IMPORT_STALE_SECONDS, 60). */
    staleSeconds: number;
    /**
     * Imports processed at once by one process, background and immediate alike; more wait their
     * turn, so imports never take the whole connection pool (CLIENT_IMPORT_MAX_CONCURRENT, 2).
     */
    maxConcurrent: number;
  };
}

/** Reads the clients subgraph's configuration (CLIENTS_DATABASE_URL, PORT default 4003...). */
export function loadConfig(env: Env = process.env): ClientsConfig {
  const common = serviceConfig(env, {
    defaultPort: DEFAULT_PORTS.clients,
    databaseUrlVar: 'CLIENTS_DATABASE_URL',
  });
  return {
    ...common,
    rateLimits: {
      ...common.rateLimits,
      imports: rateLimitRule(env, 'RATE_LIMIT_IMPORTS_PER_HOUR', {
        name: 'importClients',
        fallback: 10,
        windowSeconds: 3600,
      }),
    },
    imports: {
      syncRows: int(env, 'CLIENT_IMPORT_SYNC_ROWS', 200, { max: 10_000 }),
      chunkRows: int(env, 'CLIENT_IMPORT_CHUNK_ROWS', 100, { min: 1, max: 1_000 }),
      staleSeconds: int(env, 'CLIENT_IMPORT_STALE_SECONDS', 60, { min: 1 }),
      maxConcurrent: int(env, 'CLIENT_IMPORT_MAX_CONCURRENT', 2, { min: 1, max: 100 }),
    },
  };
}
