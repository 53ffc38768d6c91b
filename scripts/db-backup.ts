// `npm run db:backup [-- --schema <schema>]`: a custom-format pg_dump of the database (or of one
// schema) into BACKUP_DIR, named `<database>[.<schema>]-<UTC timestamp>.dump`, by a pg_dump of
// the server's major version. Written beside as `.partial` and renamed when complete, so a
// failed run never leaves a file that looks like a backup.
import { chmod, mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { assertBackupReadable } from './lib/backupChecks.ts';
import { loadBackupConfig } from './lib/backupConfig.ts';
import { backupFileName } from './lib/backupFiles.ts';
import { UsageError, fail, parseCli } from './lib/cli.ts';
import { loadStackConfig } from './lib/config.ts';
import { withCurrentDatabase } from './lib/currentDatabase.ts';
import { findPgTool, libpqConnection, runPgTool, serverMajor } from './lib/pgTools.ts';

const USAGE = `usage: npm run db:backup [-- --schema <schema>]
  Backs up the database (DATABASE_URL, else the embedded one) into BACKUP_DIR (.data/backups).
  --schema <schema>   only that schema (app_auth, app_users or app_clients)`;

try {
  const { values, positionals } = parseCli({
    options: { schema: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const { schema } = values;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new UsageError(`"${schema}" is not a schema name`);
  }
  const config = loadStackConfig();
  const { backupDir, ...search } = loadBackupConfig();
  await withCurrentDatabase(config, async (url) => {
    const database = decodeURIComponent(new URL(url).pathname.slice(1));
    const major = await serverMajor(url);
    const pgDump = await findPgTool('pg_dump', major, search);
    await assertBackupReadable(url, schema);
    await mkdir(backupDir, { recursive: true, mode: 0o700 });
    const file = path.join(backupDir, backupFileName(database, schema, new Date()));
    const partial = `${file}.partial`;
    const { dbname, env } = libpqConnection(url);
    // A schema's backup carries the extensions its objects use (pg_trgm lives in public).
    const only = schema ? [`--schema=${schema}`, '--extension=*'] : [];
    process.umask(0o077); // the backup holds every account: readable by its owner only
    try {
      await runPgTool(
        pgDump,
        ['--format=custom', '--no-password', ...only, `--file=${partial}`, `--dbname=${dbname}`],
        env,
      );
      await chmod(partial, 0o600);
      await rename(partial, file);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    const { size } = await stat(file);
    console.log(`backup: ${file} (${size} bytes, PostgreSQL ${major}, ${pgDump})`);
  });
} catch (err) {
  fail('db:backup', USAGE, err);
}
