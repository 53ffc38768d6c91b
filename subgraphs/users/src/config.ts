import { DEFAULT_PORTS, serviceConfig, type Env, type ServiceConfig } from '@grahvani/shared';

export type UsersConfig = ServiceConfig;

/** Reads the users subgraph's configuration (USERS_DATABASE_URL, PORT default 4002...). */
export function loadConfig(env: Env = process.env): UsersConfig {
  return serviceConfig(env, {
    defaultPort: DEFAULT_PORTS.users,
    databaseUrlVar: 'USERS_DATABASE_URL',
  });
}
