// docker-compose.yml cannot run here (no Docker engine), so it is checked against the code:
// every service's environment must satisfy that service's own config loader in production.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateSigningKey } from '@grahvani/shared';
import { loadConfig as loadGatewayConfig } from '../gateway/src/config.ts';
import { loadBackupConfig } from '../scripts/lib/backupConfig.ts';
import { loadStackConfig } from '../scripts/lib/config.ts';
import { resolveServiceUrls } from '../scripts/lib/database.ts';
import { loadConfig as loadAuthConfig } from '../subgraphs/auth/src/config.ts';
import { loadConfig as loadClientsConfig } from '../subgraphs/clients/src/config.ts';
import { loadConfig as loadUsersConfig } from '../subgraphs/users/src/config.ts';

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  ports?: string[];
  environment?: Record<string, string | number>;
  volumes?: string[];
}

const GATEWAY_SECRET_VALUE = 'c'.repeat(64);
const secrets: Record<string, string> = {
  POSTGRES_PASSWORD: 'owner-secret',
  AUTH_DB_PASSWORD: 'auth-secret',
  USERS_DB_PASSWORD: 'users-secret',
  CLIENTS_DB_PASSWORD: 'clients-secret',
};

/** Compose's variable substitution: ${X}, ${X:-default}, ${X:?error}. */
function substitute(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_m, name: string, op, rest: string) => {
    if (vars[name] !== undefined) return vars[name];
    if (op === '-') return rest;
    throw new Error(`${name} is required by docker-compose.yml`);
  });
}

async function loadCompose() {
  const vars = {
    ...secrets,
    JWT_PRIVATE_KEYS: JSON.stringify([await generateSigningKey()]),
    GATEWAY_SECRET: GATEWAY_SECRET_VALUE,
  };
  const file = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
    volumes?: Record<string, unknown>;
  };
  const envOf = (name: string): Record<string, string> =>
    Object.fromEntries(
      Object.entries(file.services[name]?.environment ?? {}).map(([k, v]) => [
        k,
        substitute(String(v), vars),
      ]),
    );
  return { services: file.services, volumes: file.volumes ?? {}, envOf };
}

describe('docker-compose.yml', () => {
  it('runs PostgreSQL 16 with the init script that creates schemas and roles', async () => {
    const { services, envOf } = await loadCompose();
    expect(services.postgres?.image).toBe('postgres:16-alpine');
    const init = services.postgres?.volumes?.find((v) => v.includes('docker-entrypoint-initdb.d'));
    const script = init?.split(':')[0] ?? '';
    expect(existsSync(script)).toBe(true);
    const text = readFileSync(script, 'utf8');
    for (const schema of ['app_auth', 'app_users', 'app_clients']) expect(text).toContain(schema);
    const env = envOf('postgres');
    for (const variable of text.match(/\$[A-Z_]+_PASSWORD/g) ?? []) {
      expect(env[variable.slice(1)]).toBeDefined();
    }
  });

  it('migrates as the owner with every service role URL', async () => {
    const { services, envOf } = await loadCompose();
    expect(services.migrate?.command).toEqual(['npm', 'run', 'db:migrate']);
    const config = loadStackConfig(envOf('migrate'));
    expect(config.env).toBe('production');
    expect(new URL(config.databaseUrl ?? '').username).toBe('grahvani');
    const urls = resolveServiceUrls(config.databaseUrl ?? '', config.serviceUrls, config.env);
    expect(Object.values(urls).map((u) => new URL(u).username)).toEqual([
      'auth_svc',
      'users_svc',
      'clients_svc',
    ]);
  });

  it('configures each subgraph as production, on its port, with its own role', async () => {
    const { services, envOf } = await loadCompose();
    const auth = await loadAuthConfig(envOf('auth'));
    const users = loadUsersConfig(envOf('users'));
    const clients = loadClientsConfig(envOf('clients'));
    expect([auth.port, users.port, clients.port]).toEqual([4001, 4002, 4003]);
    for (const config of [auth, users, clients]) {
      expect(config.env).toBe('production');
      expect(config.host).toBe('0.0.0.0');
    }
    expect(new URL(auth.databaseUrl).username).toBe('auth_svc');
    expect(new URL(users.databaseUrl).username).toBe('users_svc');
    expect(new URL(clients.databaseUrl).username).toBe('clients_svc');
    expect(users.tokens.jwksUrl).toBe(`http://auth:${auth.port}/.well-known/jwks.json`);
    for (const config of [auth, users, clients]) {
      // Only the gateway (on the compose network) is believed about client addresses.
      expect(config.boundary.gatewaySecret).toBe(GATEWAY_SECRET_VALUE);
      expect(config.boundary.trustedProxies).toEqual(['loopback', 'uniquelocal']);
      expect(config.boundary.introspection).toBe(false);
    }
    for (const name of ['auth', 'users', 'clients']) {
      expect(services[name]?.command?.at(-1)).toBe(`subgraphs/${name}/src/index.ts`);
    }
  });

  it('publishes the gateway on 4000, pointed at the subgraph services', async () => {
    const { services, envOf } = await loadCompose();
    const gateway = loadGatewayConfig(envOf('gateway'));
    expect(services.gateway?.ports).toEqual([`${gateway.port}:${gateway.port}`]);
    expect(gateway.sandbox).toBe(false);
    expect(gateway.gatewaySecret).toBe(GATEWAY_SECRET_VALUE);
    expect(gateway.trustedProxies).toEqual(['loopback']);
    expect(gateway.subgraphUrls).toEqual({
      auth: 'http://auth:4001/graphql',
      users: 'http://users:4002/graphql',
      clients: 'http://clients:4003/graphql',
    });
  });

  it('backs up nightly with the PostgreSQL image of the server major, into a volume', async () => {
    const { services, volumes, envOf } = await loadCompose();
    const backup = services.backup;
    const build = backup?.build as { context?: string; dockerfile?: string } | undefined;
    const dockerfile = readFileSync(`${build?.context ?? '.'}/${build?.dockerfile ?? ''}`, 'utf8');
    // The image the service runs is its last stage: the compose server's image, so pg_dump
    // and pg_restore have the server's major version.
    const stages = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(stages.at(-1)).toBe(services.postgres?.image);
    const entrypoint = /^ENTRYPOINT\s+\["\/app\/([^"]+)"\]/m.exec(dockerfile)?.[1] ?? '';
    accessSync(entrypoint, constants.X_OK);
    const schedule = readFileSync(entrypoint, 'utf8');
    for (const script of ['scripts/db-backup.ts', 'scripts/db-backup-prune.ts']) {
      expect(schedule).toContain(script);
      expect(existsSync(script)).toBe(true);
    }
    expect(spawnSync('sh', ['-n', entrypoint]).status).toBe(0);
    expect(spawnSync('sh', [entrypoint], { env: { BACKUP_AT: '24:00' } }).status).toBe(2);
    expect(spawnSync('sh', [entrypoint, 'true']).status).toBe(0);

    const env = envOf('backup');
    const config = loadStackConfig(env);
    expect(config.env).toBe('production');
    expect(new URL(config.databaseUrl ?? '').username).toBe('grahvani');
    const { backupDir } = loadBackupConfig(env);
    expect(backup?.volumes).toContain(`backups:${backupDir}`);
    expect(volumes).toHaveProperty('backups');
    expect(env.BACKUP_AT).toMatch(/^\d\d:\d\d$/);
  });

  it('names only variables that .env.example documents', async () => {
    const { services } = await loadCompose();
    const documented = new Set(
      [...readFileSync('.env.example', 'utf8').matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]),
    );
    for (const [name, service] of Object.entries(services)) {
      if (name === 'postgres') continue; // the official image's own variables
      for (const variable of Object.keys(service.environment ?? {})) {
        expect(documented, `${name}: ${variable}`).toContain(variable);
      }
    }
  });
});
