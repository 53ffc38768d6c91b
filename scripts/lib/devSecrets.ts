import path from 'node:path';
import { DATABASE_SERVICES, type StackConfig } from './config.ts';

/** What production on one machine (ALLOW_DEV_SECRETS=1) takes from development. */
export interface DevSecretsPlan {
  /** Variables the services receive in addition to ours (APP_URL, MAIL_DIR). */
  env: Record<string, string>;
  /** One line per development secret or default allowed, for `npm start` to print. */
  lines: string[];
}

/**
 * Lists, one line each, the development secrets and defaults that `npm start` uses in
 * production because ALLOW_DEV_SECRETS=1 lets it: nothing is taken silently. Outside that case
 * the plan is empty (development needs no announcement; production without the flag refuses).
 */
export function devSecretsPlan(config: StackConfig): DevSecretsPlan {
  const plan: DevSecretsPlan = { env: {}, lines: [] };
  if (!config.allowDevSecrets) return plan;
  const allow = (line: string) => plan.lines.push(`ALLOW_DEV_SECRETS: ${line}`);
  if (!config.databaseUrl) allow('embedded PostgreSQL with its development password');
  for (const { service, role, urlVar } of DATABASE_SERVICES) {
    if (!config.serviceUrls[service]) allow(`${urlVar} as role ${role}, development password`);
  }
  if (!config.given.jwtPrivateKeys) {
    allow(`JWT_PRIVATE_KEYS: development signing key in ${path.join(config.dataDir, 'keys')}`);
  }
  if (!config.gatewaySecret) {
    allow(`GATEWAY_SECRET: development secret in ${path.join(config.dataDir, 'keys')}`);
  }
  if (!config.given.appUrl) {
    plan.env.APP_URL = 'http://localhost:3000';
    allow(`APP_URL=${plan.env.APP_URL} for mailed links`);
  }
  if (!config.given.mail) {
    plan.env.MAIL_DIR = path.join(config.dataDir, 'mail');
    allow(`mail kept as files in ${plan.env.MAIL_DIR} (no SMTP_URL)`);
  }
  return plan;
}
