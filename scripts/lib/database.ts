import path from 'node:path';
import { ConfigError, type NodeEnv } from '@grahvani/shared';
import { ensureServiceRoles, migrate, type MigrationSet } from '@grahvani/shared/migrate';
import { DATABASE_SERVICES, ROOT, type DatabaseService } from './config.ts';

/** Development password of a service role (`<role>_dev`); production passes its own URLs. */
const devPassword = (role: string) => `${role}_dev`;

/**
 * Each service's own connection URL: the configured one, or in development (and in production
 * with `allowDevSecrets`) the owner's URL with the service's role and development password.
 */
export function resolveServiceUrls(
  ownerUrl: string,
  given: Partial<Record<DatabaseService, string>>,
  env: NodeEnv,
  allowDevSecrets = false,
): Record<DatabaseService, string> {
  const result = {} as Record<DatabaseService, string>;
  for (const { service, role, urlVar } of DATABASE_SERVICES) {
    const explicit = given[service];
    if (explicit) {
      result[service] = explicit;
    } else if (env === 'production' && !allowDevSecrets) {
      throw new ConfigError(
        `${urlVar} is required in production (ALLOW_DEV_SECRETS=1 derives it with a development password)`,
      );
    } else {
      const url = new URL(ownerUrl);
      url.username = role;
      url.password = devPassword(role);
      result[service] = url.toString();
    }
  }
  return result;
}

/** Each service's migrations folder and schema. */
export const migrationSets = (): MigrationSet[] =>
  DATABASE_SERVICES.map(({ service, schema }) => ({
    service,
    schema,
    dir: path.join(ROOT, 'prisma', service, 'migrations'),
  }));

/**
 * Applies every service's pending migrations as the owner, then makes sure each service role
 * exists, can use only its own schema and has DB_STATEMENT_TIMEOUT_MS as its default
 * statement_timeout (`statementTimeoutMs`, 30 s unless given). The owner's URL must lead
 * straight to PostgreSQL: migrations hold a session advisory lock, which PgBouncer's
 * transaction mode cannot keep.
 */
export async function prepareDatabase(
  ownerUrl: string,
  serviceUrls: Record<DatabaseService, string>,
  log: (message: string) => void = () => {},
  settings: { statementTimeoutMs?: number } = {},
) {
  const results = await migrate(ownerUrl, migrationSets(), log);
  const database = decodeURIComponent(new URL(ownerUrl).pathname.slice(1));
  await ensureServiceRoles(
    ownerUrl,
    database,
    DATABASE_SERVICES.map(({ service, schema }) => {
      const url = new URL(serviceUrls[service]);
      return {
        role: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
        schema,
      };
    }),
    settings,
  );
  return results;
}
