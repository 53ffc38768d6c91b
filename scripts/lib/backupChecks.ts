import pg from 'pg';

/**
 * Refuses, with one line, what would make pg_dump fail half-way or write an incomplete backup:
 * a schema the database lacks, or tables whose rows the role cannot all read because of
 * row-level security (app_clients forces it even on the owner; pg_dump then stops). Only a
 * superuser or a BYPASSRLS role backs those up whole.
 */
export async function assertBackupReadable(url: string, schema: string | undefined) {
  const client = new pg.Client({ connectionString: url, application_name: 'grahvani-backup' });
  await client.connect();
  try {
    const database = decodeURIComponent(new URL(url).pathname.slice(1));
    if (schema) {
      const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
      if (found.rowCount !== 1) throw new Error(`database ${database} has no schema ${schema}`);
    }
    const { rows } = await client.query<{ role: string; table: string | null }>(
      `SELECT current_user::text AS role,
              (SELECT format('%I.%I', n.nspname, c.relname)
                 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND c.relrowsecurity
                  AND (c.relforcerowsecurity OR NOT pg_has_role(c.relowner, 'USAGE'))
                  AND ($1::text IS NULL OR n.nspname = $1)
                ORDER BY 1 LIMIT 1) AS table
         FROM pg_roles WHERE rolname = current_user AND NOT (rolsuper OR rolbypassrls)`,
      [schema ?? null],
    );
    const blocked = rows[0];
    if (blocked?.table) {
      throw new Error(
        `role ${blocked.role} cannot read every row of ${blocked.table} (row-level security): ` +
          `back up as a superuser or a role with BYPASSRLS (ALTER ROLE ${blocked.role} BYPASSRLS)`,
      );
    }
  } finally {
    await client.end();
  }
}
