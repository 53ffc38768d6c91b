// `npm run db:restore -- <file> [--database <url>] [--clean]`: restores a db:backup file with
// a pg_restore of the server's major version, in one transaction (all or nothing). Into a
// database that does not yet hold the backup's schemas, unless --clean, which replaces them.
import { access } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { readArchive, withUseList } from './lib/backupArchive.ts';
import { loadBackupConfig } from './lib/backupConfig.ts';
import { UsageError, fail, parseCli } from './lib/cli.ts';
import { loadStackConfig } from './lib/config.ts';
import { withCurrentDatabase } from './lib/currentDatabase.ts';
import { findPgTool, libpqConnection, runPgTool, serverMajor } from './lib/pgTools.ts';

const USAGE = `usage: npm run db:restore -- <file> [--database <url>] [--clean]
  Restores a db:backup file into the database (DATABASE_URL, else the embedded one).
  --database <url>   into this database instead (create it first: an empty database)
  --clean            replace the schemas the backup holds when the database has them`;

async function existingSchemas(url: string, schemas: string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, application_name: 'grahvani-restore' });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      'SELECT nspname::text AS name FROM pg_namespace WHERE nspname = ANY($1) ORDER BY 1',
      [schemas],
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

try {
  const { values, positionals } = parseCli({
    options: { database: { type: 'string' }, clean: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError('give exactly one backup file');
  const file = path.resolve(positionals[0] ?? '');
  const target = values.database;
  if (target !== undefined && !/^postgres(ql)?:\/\/./.test(target)) {
    throw new UsageError('--database takes a postgresql:// URL');
  }
  await access(file).catch(() => {
    throw new Error(`no backup file ${file}`);
  });
  const stack = target ? undefined : loadStackConfig();
  const search = loadBackupConfig();
  const withTarget = <T>(fn: (url: string) => Promise<T>) =>
    stack ? withCurrentDatabase(stack, fn) : fn(target ?? '');
  await withTarget(async (url) => {
    const database = decodeURIComponent(new URL(url).pathname.slice(1));
    const major = await serverMajor(url);
    const pgRestore = await findPgTool('pg_restore', major, search);
    const archive = await readArchive(pgRestore, file);
    const present = await existingSchemas(url, archive.schemas);
    if (present.length && !values.clean) {
      throw new Error(
        `database ${database} already holds ${present.join(', ')}: restore into an empty ` +
          'database (--database), or add --clean to replace them',
      );
    }
    const { dbname, env } = libpqConnection(url);
    const restore = (list: string, extra: string[] = []) =>
      runPgTool(
        pgRestore,
        [
          '--single-transaction',
          '--exit-on-error',
          '--no-password',
          ...extra,
          `--use-list=${list}`,
          `--dbname=${dbname}`,
          file,
        ],
        env,
      );
    // Extensions first and on their own (CREATE EXTENSION IF NOT EXISTS): a schema's --clean
    // must not drop an extension that the database's other schemas use.
    const extensions = archive.extensionEntries.filter((l) => / EXTENSION - /.test(l));
    if (extensions.length) await withUseList(extensions, (list) => restore(list));
    await withUseList(archive.otherEntries, (list) =>
      restore(list, values.clean ? ['--clean', '--if-exists'] : []),
    );
    const what = archive.schemas.length ? archive.schemas.join(', ') : 'no schemas';
    console.log(`restored ${file} into ${database} (${what}) with ${pgRestore}`);
  });
} catch (err) {
  fail('db:restore', USAGE, err);
}
