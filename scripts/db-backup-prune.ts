// `npm run db:backup:prune [-- --daily 7 --weekly 4 --dry-run]`: retention for BACKUP_DIR, for a
// scheduler to run after each backup. Keeps the newest backup of each of the last 7 days and of
// each of the last 4 weeks (per database or schema series) and deletes the other backups.
// Files it did not name (see backupFiles.ts) are never touched.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { loadBackupConfig } from './lib/backupConfig.ts';
import { parseBackupFileName, type BackupFile } from './lib/backupFiles.ts';
import { UsageError, fail, parseCli } from './lib/cli.ts';
import { DEFAULT_RETENTION, selectBackups } from './lib/retention.ts';

const USAGE = `usage: npm run db:backup:prune [-- --daily <n>] [--weekly <n>] [--dry-run]
  Deletes backups in BACKUP_DIR beyond the newest of each of the last <n> days (default ${DEFAULT_RETENTION.daily})
  and of each of the last <n> weeks (default ${DEFAULT_RETENTION.weekly}). --dry-run only lists them.`;

function count(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 10_000) {
    throw new UsageError(`--${name} takes a whole number (got "${value}")`);
  }
  return Number(value);
}

try {
  const { values, positionals } = parseCli({
    options: {
      daily: { type: 'string' },
      weekly: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const policy = {
    daily: count(values.daily, 'daily', DEFAULT_RETENTION.daily),
    weekly: count(values.weekly, 'weekly', DEFAULT_RETENTION.weekly),
  };
  if (policy.daily + policy.weekly === 0) {
    throw new UsageError('--daily 0 --weekly 0 would delete every backup');
  }
  const { backupDir } = loadBackupConfig();
  const names = await readdir(backupDir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw new Error(`no backup directory ${backupDir}`);
    throw err;
  });
  const backups = names.map(parseBackupFileName).filter((b): b is BackupFile => !!b);
  const { keep, remove } = selectBackups(backups, policy);
  const dryRun = values['dry-run'];
  for (const { name } of remove) {
    if (!dryRun) await rm(path.join(backupDir, name));
    console.log(`${dryRun ? 'would delete' : 'deleted'} ${name}`);
  }
  console.log(
    `${backupDir}: kept ${keep.length}, ${dryRun ? 'would delete' : 'deleted'} ${remove.length}`,
  );
} catch (err) {
  fail('db:backup:prune', USAGE, err);
}
