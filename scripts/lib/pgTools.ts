import { execFile, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { BackupConfig } from './backupConfig.ts';

/** A PostgreSQL client program (pg_dump, pg_restore) missing, unusable or failing. */
export class PgToolError extends Error {}

export type PgTool = 'pg_dump' | 'pg_restore';

/** Major version of the server behind `url` (16 for 16.14), from `server_version_num`. */
export async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, application_name: 'grahvani-backup' });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(
      `SELECT current_setting('server_version_num') AS v`,
    );
    return Math.floor(Number(rows[0]?.v) / 10_000);
  } finally {
    await client.end();
  }
}

/** Major version a client program reports (`pg_dump (PostgreSQL) 15.18 (Debian ...)` is 15). */
export async function toolMajor(program: string): Promise<number | undefined> {
  try {
    const { stdout } = await promisify(execFile)(program, ['--version'], { timeout: 10_000 });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

const executable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Where `tool` is looked for, in order: PG_BIN_DIR, PATH, then Debian's per-major directory. */
export function toolCandidates(
  tool: PgTool,
  major: number,
  search: Pick<BackupConfig, 'pgBinDir' | 'pathDirs'>,
  versionsRoot = '/usr/lib/postgresql',
): string[] {
  const dirs = [
    ...(search.pgBinDir ? [search.pgBinDir] : []),
    ...search.pathDirs,
    path.join(versionsRoot, String(major), 'bin'),
  ];
  return [...new Set(dirs.map((dir) => path.join(dir, tool)))].filter(executable);
}

/**
 * The first `tool` whose major version is the server's: pg_dump refuses a newer server and a
 * dump by an older one is not what a restore on this server should trust. Refuses with one line
 * naming what was found and what is needed otherwise.
 */
export async function findPgTool(
  tool: PgTool,
  major: number,
  search: Pick<BackupConfig, 'pgBinDir' | 'pathDirs'>,
  versionsRoot?: string,
): Promise<string> {
  const found: string[] = [];
  for (const candidate of toolCandidates(tool, major, search, versionsRoot)) {
    const version = await toolMajor(candidate);
    if (version === major) return candidate;
    found.push(`${candidate} is ${version ?? 'of unknown version'}`);
  }
  throw new PgToolError(
    `the server is PostgreSQL ${major} and needs ${tool} ${major} ` +
      `(${found.length ? found.join(', ') : `no ${tool} found`}): install PostgreSQL ${major}'s ` +
      `client programs (Debian: postgresql-client-${major}) or set PG_BIN_DIR to their directory`,
  );
}

// libpq understands these URL parameters; others (Prisma's `schema`, `connection_limit`) make
// it refuse the URL, so they are dropped.
const LIBPQ_PARAMS = new Set([
  'sslmode',
  'sslrootcert',
  'sslcert',
  'sslkey',
  'connect_timeout',
  'target_session_attrs',
]);

/**
 * The URL for a client program's `--dbname`, without its password, and the environment that
 * carries the password (PGPASSWORD), so that it never appears in the process list.
 */
export function libpqConnection(url: string): { dbname: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  for (const key of [...parsed.searchParams.keys()]) {
    if (!LIBPQ_PARAMS.has(key)) parsed.searchParams.delete(key);
  }
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/**
 * Runs a client program, its stdout to ours; resolves with its stdout when asked to capture it.
 * A failure becomes a PgToolError holding the program's last error lines.
 */
export function runPgTool(
  program: string,
  args: string[],
  env: Record<string, string>,
  capture = false,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      // eslint-disable-next-line no-restricted-properties -- pg_dump/psql inherit our environment (PATH, PG*)
      env: { ...process.env, ...env },
      stdio: ['ignore', capture ? 'pipe' : 'inherit', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (err) => reject(new PgToolError(`${program}: ${err.message}`)));
    child.once('exit', (code, signal) => {
      if (code === 0) return resolve(stdout);
      const lines = stderr.trim().split('\n').filter(Boolean);
      const detail = lines.filter((l) => /error|fatal/i.test(l)).slice(-3);
      reject(
        new PgToolError(
          `${path.basename(program)} failed (${signal ?? `exit ${code}`}): ` +
            (detail.length ? detail : lines.slice(-3)).join(' / '),
        ),
      );
    });
  });
}
