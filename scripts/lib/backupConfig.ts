import path from 'node:path';
import { optionalStr, str, type Env } from '@grahvani/shared';
import { ROOT } from './config.ts';

/** Configuration of `db:backup`, `db:restore` and `db:backup:prune`, read once. */
export interface BackupConfig {
  /** Where backups are written and pruned (BACKUP_DIR; default `<DATA_DIR>/backups`). */
  backupDir: string;
  /** PG_BIN_DIR: a directory searched first for pg_dump, pg_restore and psql. */
  pgBinDir: string | undefined;
  /** The directories of PATH, searched after PG_BIN_DIR. */
  pathDirs: string[];
}

/** Needs no database settings: pruning runs wherever the backups are. */
export function loadBackupConfig(env: Env = process.env): BackupConfig {
  const dir = optionalStr(env, 'BACKUP_DIR');
  const dataDir = path.resolve(ROOT, str(env, 'DATA_DIR', '.data'));
  const binDir = optionalStr(env, 'PG_BIN_DIR');
  return {
    backupDir: dir ? path.resolve(ROOT, dir) : path.join(dataDir, 'backups'),
    pgBinDir: binDir ? path.resolve(ROOT, binDir) : undefined,
    pathDirs: (optionalStr(env, 'PATH') ?? '').split(path.delimiter).filter(Boolean),
  };
}
