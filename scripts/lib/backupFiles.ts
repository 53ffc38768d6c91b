/** A backup file as `db:backup` names it: `<database>[.<schema>]-<UTC timestamp>.dump`. */
export interface BackupFile {
  name: string;
  /** `<database>` or `<database>.<schema>`: retention applies to each series on its own. */
  series: string;
  takenAt: Date;
}

const NAME = /^(.+)-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.dump$/;

/** `grahvani-20261130T020000Z.dump`, `grahvani.app_clients-20261130T020000Z.dump`. */
export function backupFileName(database: string, schema: string | undefined, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(/[-:]/g, '');
  return `${database}${schema ? `.${schema}` : ''}-${stamp}.dump`;
}

/** Parses a name `backupFileName` made; anything else (not ours) is undefined. */
export function parseBackupFileName(name: string): BackupFile | undefined {
  const match = NAME.exec(name);
  if (!match) return undefined;
  const [, series = '', y, mo, d, h, mi, s] = match;
  const takenAt = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  return Number.isNaN(takenAt.getTime()) ? undefined : { name, series, takenAt };
}
