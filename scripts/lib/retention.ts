import type { BackupFile } from './backupFiles.ts';

/** How many of the newest days and weeks keep a backup each. */
export interface RetentionPolicy {
  daily: number;
  weekly: number;
}

/** The production schedule this project follows: daily kept 7, weekly kept 4. */
export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4 };

const DAY_MS = 86_400_000;
const dayKey = (at: Date) => at.toISOString().slice(0, 10);
/** The UTC Monday that starts `at`'s ISO week. */
const weekKey = (at: Date) => {
  const sinceMonday = (at.getUTCDay() + 6) % 7;
  return dayKey(new Date(Date.parse(dayKey(at)) - sinceMonday * DAY_MS));
};

/** The newest backup of each of the `count` newest periods that have one (`sorted` newest first). */
function newestPerPeriod(sorted: BackupFile[], key: (at: Date) => string, count: number) {
  const kept = new Set<BackupFile>();
  const seen = new Set<string>();
  for (const backup of sorted) {
    const period = key(backup.takenAt);
    if (seen.has(period)) continue;
    if (seen.size === count) break;
    seen.add(period);
    kept.add(backup);
  }
  return kept;
}

/**
 * Which backups to keep and which to delete, per series (a database, or one of its schemas):
 * the newest backup of each of the last `daily` days that have one, and of each of the last
 * `weekly` ISO weeks (UTC, Monday to Sunday: with nightly backups, Sunday's). Periods without a
 * backup do not count, so a stopped scheduler never makes retention delete the last backups.
 */
export function selectBackups(
  backups: BackupFile[],
  policy: RetentionPolicy = DEFAULT_RETENTION,
): { keep: BackupFile[]; remove: BackupFile[] } {
  const series = new Map<string, BackupFile[]>();
  for (const backup of backups)
    series.set(backup.series, [...(series.get(backup.series) ?? []), backup]);
  const keep = new Set<BackupFile>();
  for (const files of series.values()) {
    const sorted = [...files].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
    for (const b of newestPerPeriod(sorted, dayKey, policy.daily)) keep.add(b);
    for (const b of newestPerPeriod(sorted, weekKey, policy.weekly)) keep.add(b);
  }
  const byName = (a: BackupFile, b: BackupFile) => a.name.localeCompare(b.name);
  return {
    keep: backups.filter((b) => keep.has(b)).sort(byName),
    remove: backups.filter((b) => !keep.has(b)).sort(byName),
  };
}
