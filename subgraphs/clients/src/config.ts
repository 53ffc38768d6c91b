import { serviceConfig, type Env, type ServiceConfig } from '@grahvani/shared';

export type ClientsConfig = ServiceConfig;

/** Reads the clients subgraph's configuration (CLIENTS_DATABASE_URL, PORT default 4003...). */
export function loadConfig(env: Env = process.env): ClientsConfig {
  return serviceConfig(env, { defaultPort: 4003, databaseUrlVar: 'CLIENTS_DATABASE_URL' });
}
