import pg from 'pg';
import { readMigrations, type MigrationSet } from './migrate.ts';

/** Where one service's database stands against its migrations folder. */
export interface MigrationStatus {
  service: string;
  applied: string[];
  pending: string[];
  /** History that differs from the folder: each entry says which migration and how. */
  drift: string[];
}

/**
 * Compares each set's `prisma/<service>/migrations` with what the database recorded in
 * `_prisma_migrations`, read-only: applied, pending, and drift (a migration edited after it
 * was applied, one the folder does not have, one that failed).
 */
export async function migrationStatus(
  ownerUrl: string,
  sets: MigrationSet[],
): Promise<MigrationStatus[]> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'grahvani-status' });
  await client.connect();
  try {
    const results: MigrationStatus[] = [];
    for (const set of sets) {
      const local = await readMigrations(set.dir);
      const exists = await client.query(
        `SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = '_prisma_migrations'`,
        [set.schema],
      );
      const rows = exists.rowCount
        ? (
            await client.query<{ migration_name: string; checksum: string; finished: boolean }>(
              `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished
                 FROM ${pg.escapeIdentifier(set.schema)}."_prisma_migrations"
                WHERE rolled_back_at IS NULL ORDER BY started_at`,
            )
          ).rows
        : [];
      const recorded = new Map(rows.map((row) => [row.migration_name, row]));
      const drift: string[] = [];
      for (const row of rows) {
        const file = local.find((m) => m.name === row.migration_name);
        if (!row.finished) drift.push(`${row.migration_name} failed and must be resolved by hand`);
        else if (!file) drift.push(`${row.migration_name} is applied but not in ${set.dir}`);
        else if (file.checksum !== row.checksum) {
          drift.push(`${row.migration_name} was edited after it was applied`);
        }
      }
      results.push({
        service: set.service,
        applied: rows.filter((row) => row.finished).map((row) => row.migration_name),
        pending: local.filter((m) => !recorded.has(m.name)).map((m) => m.name),
        drift,
      });
    }
    return results;
  } finally {
    await client.end();
  }
}
