import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runPgTool } from './pgTools.ts';

/** What a custom-format archive holds, from its table of contents (`pg_restore --list`). */
export interface ArchiveContents {
  /** Schemas the archive creates (`public` is never created, so never listed). */
  schemas: string[];
  /** TOC lines of the extensions (and their comments), restored on their own. */
  extensionEntries: string[];
  /** Every other TOC line. */
  otherEntries: string[];
}

const SCHEMA = /^\d+; \d+ \d+ SCHEMA - (\S+)/;
const EXTENSION = /^\d+; \d+ \d+ (EXTENSION -|COMMENT - EXTENSION) /;

/** Splits a `pg_restore --list` output into schemas, extension entries and the rest. */
export function parseArchiveList(list: string): ArchiveContents {
  const contents: ArchiveContents = { schemas: [], extensionEntries: [], otherEntries: [] };
  for (const line of list.split('\n')) {
    if (!/^\d+;/.test(line)) continue; // comments and blank lines
    const schema = SCHEMA.exec(line)?.[1];
    if (schema && schema !== 'public') contents.schemas.push(schema);
    (EXTENSION.test(line) ? contents.extensionEntries : contents.otherEntries).push(line);
  }
  return contents;
}

/** Reads the archive's table of contents; a file that is not one fails with pg_restore's reason. */
export async function readArchive(pgRestore: string, file: string): Promise<ArchiveContents> {
  return parseArchiveList(await runPgTool(pgRestore, ['--list', file], {}, true));
}

/** Runs `fn` with a use-list file (`pg_restore --use-list`) of `entries`, deleted afterwards. */
export async function withUseList<T>(entries: string[], fn: (file: string) => Promise<T>) {
  const dir = await mkdtemp(path.join(tmpdir(), 'grahvani-restore-'));
  try {
    const file = path.join(dir, 'use.list');
    await writeFile(file, entries.join('\n') + '\n', { mode: 0o600 });
    return await fn(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
