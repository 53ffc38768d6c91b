// db:backup and db:restore use only client programs of the server's major version: against the
// suite's PostgreSQL 16, with Debian's pg_dump 15 the only one installed, both refuse with one
// line and leave nothing behind. The search itself (PG_BIN_DIR, PATH, Debian's directories).
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PgToolError, findPgTool, serverMajor } from '../scripts/lib/pgTools.ts';
import { ensureDebianPackage } from './helpers/debian.ts';
import { startEmbeddedDatabase } from '@grahvani/devtools/embedded';
import { findFreePort, withDatabase } from './helpers/embedded-db.ts';
import { runScript } from './helpers/script.ts';

const owner = inject('databaseUrls').owner;
const PG15_DUMP = '/usr/lib/postgresql/15/bin/pg_dump';
let dir: string;
let target: string;

beforeAll(async () => {
  ensureDebianPackage('postgresql-client-15', PG15_DUMP);
  dir = await mkdtemp(path.join(tmpdir(), 'grahvani-pgtools-'));
  // A stand-in for PostgreSQL 16's client programs: only its --version is asked.
  await writeFile(path.join(dir, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 16.14"\n', {
    mode: 0o755,
  });
  await chmod(path.join(dir, 'pg_dump'), 0o755);
  const name = `restore_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: owner });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  target = withDatabase(owner, name);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: owner });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${new URL(target).pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
});

describe('client programs of the server major', { timeout: 60_000 }, () => {
  it('the suite runs PostgreSQL 16 and Debian offers pg_dump 15', async () => {
    expect(await serverMajor(owner)).toBe(16);
    expect(await findPgTool('pg_dump', 15, { pgBinDir: undefined, pathDirs: [] })).toBe(PG15_DUMP);
  });

  it('db:backup refuses a PostgreSQL 16 server with only pg_dump 15, and writes nothing', async () => {
    const backupDir = path.join(dir, 'backups');
    const { code, stdout, stderr } = await runScript('scripts/db-backup.ts', [], {
      NODE_ENV: 'production',
      DATABASE_URL: owner,
      BACKUP_DIR: backupDir,
      PG_BIN_DIR: '',
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('pg_dump 16');
    expect(lines[0]).toContain('is 15');
    expect(await readdir(backupDir).catch(() => [])).toEqual([]);
  });

  it('db:restore refuses a PostgreSQL 16 server with only pg_restore 15', async () => {
    const { code, stderr } = await runScript(
      'scripts/db-restore.ts',
      ['package.json', '--database', target],
      { PG_BIN_DIR: '' },
    );
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('pg_restore 16');
  });

  it('without DATABASE_URL, backs up the embedded database npm start is running', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'grahvani-running-'));
    await chmod(dataDir, 0o755); // the server runs as the postgres OS user
    const port = await findFreePort();
    const running = await startEmbeddedDatabase({
      dir: path.join(dataDir, 'pg'),
      port,
      database: 'grahvani',
      password: 'grahvani-dev',
      ephemeral: true,
    });
    try {
      // Another EMBEDDED_PG_PORT: the port is the running server's, read from postmaster.pid.
      const { code, stderr } = await runScript('scripts/db-backup.ts', [], {
        NODE_ENV: 'development',
        DATABASE_URL: '',
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await findFreePort()),
        PG_BIN_DIR: '',
      });
      // It reached the running PostgreSQL 16 (not "already in use"), and refuses pg_dump 15.
      expect(code).toBe(1);
      expect(stderr).toContain('PostgreSQL 16 and needs pg_dump 16');
    } finally {
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('looks in PG_BIN_DIR first, then PATH, then /usr/lib/postgresql/<major>/bin', async () => {
    const search = { pgBinDir: dir, pathDirs: ['/usr/bin'] };
    expect(await findPgTool('pg_dump', 16, search)).toBe(path.join(dir, 'pg_dump'));
    // PG_BIN_DIR's pg_dump is 16: for a 15 server the next one of the right major is taken.
    expect(await findPgTool('pg_dump', 15, search)).toMatch(
      /^\/usr\/(bin|lib\/postgresql\/15\/bin)\/pg_dump$/,
    );
    await expect(findPgTool('pg_dump', 17, search, dir)).rejects.toThrow(PgToolError);
  });

  it('bad arguments print the usage and exit 2', async () => {
    const cases = [
      ['scripts/db-backup.ts', ['--schema']],
      ['scripts/db-backup.ts', ['--everything']],
      ['scripts/db-restore.ts', []],
      ['scripts/db-restore.ts', ['a.dump', '--database', 'not-a-url']],
      ['scripts/db-backup-prune.ts', ['--daily', 'seven']],
    ] as const;
    const results = await Promise.all(
      cases.map(([script, args]) => runScript(script, [...args], { DATABASE_URL: owner })),
    );
    results.forEach(({ code, stderr }, i) => {
      expect(code, cases[i]?.join(' ')).toBe(2);
      expect(stderr).toContain('usage: npm run');
      expect(stderr).not.toMatch(/\n\s+at /);
    });
  });
});
