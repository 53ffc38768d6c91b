// npm run db:backup:prune on a directory of backups, as a scheduler runs it after each backup.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupFileName } from '../scripts/lib/backupFiles.ts';
import { runScript } from './helpers/script.ts';

const DAY = 86_400_000;
let dir: string;
const nightly = (schema: string | undefined, days: number) =>
  Array.from({ length: days }, (_, i) =>
    backupFileName('grahvani', schema, new Date(Date.parse('2026-11-30T02:00:00Z') - i * DAY)),
  );
const full = nightly(undefined, 45);
const clients = nightly('app_clients', 10);
const foreign = ['README.txt', `${full[0]}.partial`, 'grahvani-latest.dump'];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'grahvani-prune-'));
  for (const name of [...full, ...clients, ...foreign]) await writeFile(path.join(dir, name), '');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('db:backup:prune', { timeout: 60_000 }, () => {
  it('--dry-run lists what would go and deletes nothing', async () => {
    const { code, stdout } = await runScript('scripts/db-backup-prune.ts', ['--dry-run'], {
      BACKUP_DIR: dir,
    });
    expect(code).toBe(0);
    expect(stdout.match(/^would delete /gm)).toHaveLength(45 - 9 + (10 - 8));
    expect((await readdir(dir)).length).toBe(full.length + clients.length + foreign.length);
  });

  it('keeps 7 daily and 4 weekly backups per series and never touches other files', async () => {
    const { code } = await runScript('scripts/db-backup-prune.ts', [], { BACKUP_DIR: dir });
    expect(code).toBe(0);
    const left = new Set(await readdir(dir));
    // Newest 7 days (Nov 24-30, 2026-11-30 is a Monday) and the Sundays Nov 22 and Nov 15.
    const kept = [...full.slice(0, 7), full[8], full[15]];
    // app_clients: Nov 21-30 exist; 7 days plus Sunday Nov 22 (the week of Nov 16-22).
    const keptClients = [...clients.slice(0, 7), clients[8]];
    expect([...left].sort()).toEqual([...kept, ...keptClients, ...foreign].sort());
    // Run again: nothing more to delete.
    const again = await runScript('scripts/db-backup-prune.ts', [], { BACKUP_DIR: dir });
    expect(again.code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual([...left].sort());
  });

  it('fails with one line when the directory does not exist', async () => {
    const { code, stderr } = await runScript('scripts/db-backup-prune.ts', [], {
      BACKUP_DIR: path.join(dir, 'missing'),
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
