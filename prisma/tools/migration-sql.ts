// Offline migration SQL: runs prisma 6.19.3's WebAssembly schema engine (`migrate diff`)
// through a driver adapter, because Prisma 7's schema engine is a native binary that cannot
// be downloaded here. Used by scripts/db-diff.ts and tests/migrations-match-schema.test.ts.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const services = ['auth', 'users', 'clients'] as const;
export type Service = (typeof services)[number];

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const prisma6Cli = join(repoRoot, 'node_modules', 'prisma6', 'build', 'index.js');
const prisma6Config = join(repoRoot, 'prisma', 'tools', 'prisma6.config.ts');

export function isService(name: string): name is Service {
  return (services as readonly string[]).includes(name);
}

/** The PostgreSQL schema a service owns. */
export function databaseSchemaOf(service: Service): string {
  return `app_${service}`;
}

export function schemaPathOf(service: Service): string {
  return join(repoRoot, 'prisma', service, 'schema.prisma');
}

export function migrationsDirOf(service: Service): string {
  return join(repoRoot, 'prisma', service, 'migrations');
}

export interface Migration {
  /** Folder name, `<YYYYMMDDHHMMSS>_<name>`. */
  name: string;
  /** Absolute path of its migration.sql. */
  file: string;
}

/** A service's migrations in the order Prisma Migrate applies them (by folder name). */
export async function listMigrations(service: Service): Promise<Migration[]> {
  const dir = migrationsDirOf(service);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const migrations: Migration[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const file = join(dir, entry.name, 'migration.sql');
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) migrations.push({ name: entry.name, file });
  }
  return migrations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Rewrites a Prisma 7 schema for prisma 6: the datasource gets the `url` that prisma 6
 * requires, and the generator block (whose prisma-client options differ between the
 * versions, and which `migrate diff` ignores) becomes a plain prisma-client-js one.
 */
export function toPrisma6Schema(source: string): string {
  const generators = /generator\s+\w+\s*\{[^}]*\}/g;
  const datasource = /(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"postgresql")/;
  if (!datasource.test(source)) throw new Error('schema has no postgresql datasource block');
  return source
    .replace(generators, 'generator client {\n  provider = "prisma-client-js"\n}')
    .replace(datasource, '$1\n  url = env("DATABASE_URL")');
}

/** Where `migrate diff` starts from. */
export type DiffFrom =
  | { kind: 'empty' }
  /** The text of a (Prisma 7) schema.prisma. */
  | { kind: 'datamodel'; schema: string }
  /** A migrations folder, replayed on a shadow database created on `databaseUrl`'s server. */
  | { kind: 'migrations'; dir: string };

export interface DiffOptions {
  from: DiffFrom;
  /** The text of the (Prisma 7) schema.prisma to reach. */
  to: string;
  /**
   * A reachable PostgreSQL server (superuser, or CREATEDB for `migrations`): the engine asks
   * it for its version, and creates its shadow database there. Nothing else is touched.
   */
  databaseUrl: string;
}

const emptyMigration = /^\s*-- This is an empty migration\.\s*$/;

/**
 * Returns the SQL that takes a database from `from` to `to`, exactly as prisma 6's
 * `migrate diff --script` prints it, or '' when they describe the same database.
 */
export async function migrateDiff(options: DiffOptions): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'grahvani-diff-'));
  try {
    const to = join(work, 'to.prisma');
    await writeFile(to, toPrisma6Schema(options.to));
    const args = ['migrate', 'diff', '--config', prisma6Config];
    if (options.from.kind === 'empty') {
      args.push('--from-empty');
    } else if (options.from.kind === 'datamodel') {
      const from = join(work, 'from.prisma');
      await writeFile(from, toPrisma6Schema(options.from.schema));
      args.push('--from-schema-datamodel', from);
    } else {
      args.push('--from-migrations', options.from.dir);
    }
    args.push('--to-schema-datamodel', to, '--script');
    const sql = await runPrisma6(args, options.databaseUrl);
    return emptyMigration.test(sql) ? '' : sql;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function runPrisma6(args: string[], databaseUrl: string): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    // eslint-disable-next-line no-restricted-properties -- the Prisma 6 CLI child inherits our environment
    ...process.env,
    DATABASE_URL: databaseUrl,
    PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false',
    PRISMA_QUERY_ENGINE_LIBRARY: '/bin/false',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prisma6Cli, ...args], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`prisma6 ${args.join(' ')} exited with ${code}:\n${stderr.trim()}`));
    });
  });
}

export async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}
