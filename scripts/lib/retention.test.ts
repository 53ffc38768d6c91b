import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupFileName, type BackupFile } from './backupFiles.ts';
import { DEFAULT_RETENTION, selectBackups } from './retention.ts';

const DAY = 86_400_000;
const backupAt = (iso: string, schema?: string): BackupFile =>
  parseBackupFileName(backupFileName('grahvani', schema, new Date(iso)))!;
/** Nightly backups at 02:00 UTC for `days` days up to and including `last`. */
const nightly = (last: string, days: number, schema?: string) =>
  Array.from({ length: days }, (_, i) =>
    backupAt(new Date(Date.parse(`${last}T02:00:00Z`) - i * DAY).toISOString(), schema),
  );
const days = (files: BackupFile[]) => files.map((f) => f.takenAt.toISOString().slice(0, 10));

describe('backup file names', () => {
  it('round-trip the series and the UTC second', () => {
    const name = backupFileName('grahvani', 'app_clients', new Date('2026-11-30T02:03:04.567Z'));
    expect(name).toBe('grahvani.app_clients-20261130T020304Z.dump');
    expect(parseBackupFileName(name)).toEqual({
      name,
      series: 'grahvani.app_clients',
      takenAt: new Date('2026-11-30T02:03:04Z'),
    });
  });

  it('are not confused with other files', () => {
    for (const name of [
      'grahvani-20261130T020304Z.dump.partial',
      'notes.txt',
      'grahvani-20261399T020304Z.dump',
      '-20261130T020304Z.dump',
    ]) {
      expect(parseBackupFileName(name), name).toBeUndefined();
    }
  });
});

describe('selectBackups (daily 7, weekly 4)', () => {
  it('keeps the last 7 nightly backups and the Sunday ones of the 3 weeks before', () => {
    // 2026-11-30 is a Monday.
    const { keep, remove } = selectBackups(nightly('2026-11-30', 60));
    expect(days(keep)).toEqual([
      '2026-11-15',
      '2026-11-22',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
    ]);
    expect(remove).toHaveLength(51);
  });

  it('keeps the newest backup of a day that has several', () => {
    const files = ['2026-11-30T02:00:00Z', '2026-11-30T09:00:00Z', '2026-11-30T17:30:00Z'].map(
      (at) => backupAt(at),
    );
    const { keep, remove } = selectBackups(files);
    expect(keep.map((f) => f.takenAt.toISOString())).toEqual(['2026-11-30T17:30:00.000Z']);
    expect(remove).toHaveLength(2);
  });

  it('counts only days that have a backup: a stopped scheduler deletes nothing', () => {
    const old = ['2026-06-01T02:00:00Z', '2026-07-01T02:00:00Z', '2026-08-01T02:00:00Z'];
    expect(selectBackups(old.map((at) => backupAt(at))).remove).toEqual([]);
  });

  it('applies to each series on its own', () => {
    const files = [...nightly('2026-11-30', 20), ...nightly('2026-11-30', 20, 'app_clients')];
    const { keep } = selectBackups(files);
    expect(keep.filter((f) => f.series === 'grahvani')).toHaveLength(9);
    expect(keep.filter((f) => f.series === 'grahvani.app_clients')).toHaveLength(9);
  });

  it('always keeps the newest backup, never more than daily + weekly per series, and splits the set', () => {
    const instant = fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2026-12-31') });
    fc.assert(
      fc.property(
        fc.uniqueArray(instant, {
          minLength: 1,
          maxLength: 80,
          selector: (t) => Math.floor(t / 1000),
        }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        (times, daily, weekly) => {
          const files = times.map((t) => backupAt(new Date(t).toISOString()));
          const { keep, remove } = selectBackups(files, { daily, weekly });
          const newest = Math.max(...files.map((f) => f.takenAt.getTime()));
          expect(keep.some((f) => f.takenAt.getTime() === newest)).toBe(true);
          expect(keep.length).toBeLessThanOrEqual(daily + weekly);
          expect(keep.length + remove.length).toBe(files.length);
          expect(keep.filter((f) => remove.includes(f))).toEqual([]);
        },
      ),
    );
  });

  it('defaults to the production schedule: daily kept 7, weekly kept 4', () => {
    expect(DEFAULT_RETENTION).toEqual({ daily: 7, weekly: 4 });
  });
});
