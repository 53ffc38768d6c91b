// docker-compose.yml cannot run here (no Docker engine), so it is checked against the code:
// every service's environment must satisfy that service's own config loader in production,
// queries go through PgBouncer and LISTEN/migrations straight to PostgreSQL, and every
// container has a healthcheck, resource limits and an unprivileged user.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateSigningKey, poolOptions } from '@grahvani/shared';
import { loadConfig as loadGatewayConfig } from '../gateway/src/config.ts';
import { loadBackupConfig } from '../scripts/lib/backupConfig.ts';
import { BUILD_ENTRIES, builtEntry } from '../scripts/lib/buildEntries.ts';
import { loadStackConfig } from '../scripts/lib/config.ts';
import { resolveServiceUrls } from '../scripts/lib/database.ts';
import { loadConfig as loadAuthConfig } from '../subgraphs/auth/src/config.ts';
import { loadConfig as loadClientsConfig } from '../subgraphs/clients/src/config.ts';
import { loadConfig as loadUsersConfig } from '../subgraphs/users/src/config.ts';

interface ComposeService {
  image?: string;
  build?: unknown;
  user?: string;
  command?: string[];
  ports?: string[];
  environment?: Record<string, string | number>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; interval?: string; retries?: number };
  deploy?: { resources?: { limits?: { cpus?: string; memory?: string } } };
}

/** The services docker-compose.yml must run (the backup service may join them). */
const EXPECTED = ['postgres', 'pgbouncer', 'migrate', 'auth', 'users', 'clients', 'gateway'];
const NODE_SERVICES = ['auth', 'users', 'clients', 'gateway'];

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
      // The service as `npm run build` bundles it (no TypeScript loader in production).
      expect(services[name]?.command).toEqual([
        'node',
        builtEntry(`subgraphs/${name}/src/index.ts`),
      ]);
    }
  });

  it('publishes the gateway on 4000, pointed at the subgraph services', async () => {
    const { services, envOf } = await loadCompose();
    const gateway = loadGatewayConfig(envOf('gateway'));
    expect(services.gateway?.command).toEqual(['node', builtEntry('gateway/src/index.ts')]);
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
    // Not root: the image's postgres user, which owns the backup directory.
    expect([...dockerfile.matchAll(/^USER (\S+)$/gm)].at(-1)?.[1]).toBe('postgres');
    expect(backup?.user).toBe('postgres');
    expect(new URL(config.databaseUrl ?? '').host).toBe('postgres:5432');
  });

  it('names only variables that .env.example documents', async () => {
    const { services } = await loadCompose();
    const documented = new Set(
      [...readFileSync('.env.example', 'utf8').matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]),
    );
    const checked: string[] = [];
    for (const [name, service] of Object.entries(services)) {
      if (name === 'postgres') continue; // the official image's own variables
      const variables = Object.keys(service.environment ?? {});
      expect(variables.length, `${name} has an environment`).toBeGreaterThan(0);
      for (const variable of variables) {
        expect(documented, `${name}: ${variable}`).toContain(variable);
      }
      checked.push(name);
    }
    expect(checked).toEqual(expect.arrayContaining(EXPECTED.filter((n) => n !== 'postgres')));
  });

  it('runs PgBouncer in transaction mode in front of PostgreSQL, with the roles it pools', async () => {
    const { services, envOf } = await loadCompose();
    const pgbouncer = services.pgbouncer;
    expect(pgbouncer?.build).toBe('docker/pgbouncer');
    expect(pgbouncer?.depends_on?.postgres?.condition).toBe('service_healthy');
    const ini = readFileSync('docker/pgbouncer/pgbouncer.ini', 'utf8');
    expect(ini).toMatch(/^pool_mode = transaction$/m);
    expect(ini).toMatch(/^listen_port = 6432$/m);
    const env = envOf('pgbouncer');
    expect([env.POSTGRES_HOST, env.POSTGRES_PORT, env.POSTGRES_DB]).toEqual([
      'postgres',
      '5432',
      envOf('postgres').POSTGRES_DB,
    ]);
    // It logs in as each service role with the password that service uses.
    const entrypoint = readFileSync('docker/pgbouncer/entrypoint.sh', 'utf8');
    for (const [role, variable] of [
      ['auth_svc', 'AUTH_DB_PASSWORD'],
      ['users_svc', 'USERS_DB_PASSWORD'],
      ['clients_svc', 'CLIENTS_DB_PASSWORD'],
    ] as const) {
      expect(entrypoint).toContain(`: "\${${variable}:?`);
      expect(entrypoint).toContain(`$(quote ${role}) $(quote "$${variable}")`);
      expect(env[variable]).toBe(secrets[variable]);
    }
  });

  it('queries through PgBouncer, LISTENs and migrates straight on PostgreSQL', async () => {
    const { services, envOf } = await loadCompose();
    const configs = {
      auth: await loadAuthConfig(envOf('auth')),
      users: loadUsersConfig(envOf('users')),
      clients: loadClientsConfig(envOf('clients')),
    };
    for (const [name, config] of Object.entries(configs)) {
      const pooled = new URL(config.databaseUrl);
      const direct = new URL(config.directDatabaseUrl);
      expect(`${pooled.hostname}:${pooled.port}`, name).toBe('pgbouncer:6432');
      expect(`${direct.hostname}:${direct.port}`, name).toBe('postgres:5432');
      expect(direct.username, name).toBe(pooled.username);
      expect(direct.pathname, name).toBe(pooled.pathname);
      // Behind PgBouncer no statement_timeout startup parameter (the role default holds).
      expect(poolOptions(config).pooled, name).toBe(true);
      expect(services[name]?.depends_on?.pgbouncer?.condition).toBe('service_healthy');
    }
    const owner = new URL(loadStackConfig(envOf('migrate')).databaseUrl ?? '');
    expect(`${owner.hostname}:${owner.port}`).toBe('postgres:5432');
  });

  it('gives every container a healthcheck and resource limits', async () => {
    const { services, envOf } = await loadCompose();
    expect(Object.keys(services)).toEqual(expect.arrayContaining(EXPECTED));
    const checked: string[] = [];
    for (const [name, service] of Object.entries(services)) {
      const limits = service.deploy?.resources?.limits;
      expect(limits?.cpus, `${name} cpus`).toMatch(/^\d+(\.\d+)?$/);
      expect(limits?.memory, `${name} memory`).toMatch(/^\d+[MG]$/);
      checked.push(name);
      if (name === 'migrate' || name === 'backup') continue; // one-shot jobs, no server to probe
      expect(service.healthcheck?.test?.length, `${name} healthcheck`).toBeGreaterThan(1);
    }
    expect(checked).toEqual(expect.arrayContaining(EXPECTED));
    // The Node services probe their own /health on their own port with the image's script.
    const ports = {
      auth: (await loadAuthConfig(envOf('auth'))).port,
      users: loadUsersConfig(envOf('users')).port,
      clients: loadClientsConfig(envOf('clients')).port,
      gateway: loadGatewayConfig(envOf('gateway')).port,
    };
    for (const name of NODE_SERVICES) {
      expect(services[name]?.healthcheck?.test).toEqual([
        'CMD',
        'node',
        'docker/healthcheck.mjs',
        `http://127.0.0.1:${ports[name as keyof typeof ports]}/health`,
      ]);
    }
    expect(existsSync('docker/healthcheck.mjs')).toBe(true);
    expect(readFileSync('Dockerfile', 'utf8')).toMatch(
      /^HEALTHCHECK .*\n?.*node docker\/healthcheck\.mjs "http:\/\/127\.0\.0\.1:\$\{PORT:-4000\}\/health"/m,
    );
  });

  it('builds the services in the image and runs them built (no TypeScript loader)', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(dockerfile).toMatch(/^RUN npm run build$/m);
    // Each bundle is copied from the build stage into the image the services run.
    for (const built of Object.values(BUILD_ENTRIES)) {
      const dir = built.slice(0, built.lastIndexOf('/'));
      expect(dockerfile).toContain(`COPY --from=build /app/${dir} ${dir}`);
    }
    const cmd = /^CMD (.*)$/m.exec(dockerfile)?.[1] ?? '';
    expect(JSON.parse(cmd)).toEqual(['node', builtEntry('gateway/src/index.ts')]);
  });

  it('runs no container as root', async () => {
    const { services } = await loadCompose();
    const dockerfileUser = (path: string) =>
      [...readFileSync(path, 'utf8').matchAll(/^USER (\S+)$/gm)].at(-1)?.[1];
    expect(dockerfileUser('Dockerfile')).toBe('node');
    expect(dockerfileUser('docker/pgbouncer/Dockerfile')).toBe('999:999');
    const checked: string[] = [];
    for (const [name, service] of Object.entries(services)) {
      if (service.build === '.') {
        expect(service.user, name).toBe('node');
        checked.push(name);
      }
    }
    expect(checked).toEqual(expect.arrayContaining(['migrate', ...NODE_SERVICES]));
    // The official PostgreSQL image drops to its postgres user before the server starts.
    expect(services.postgres?.image).toMatch(/^postgres:/);
  });
});
