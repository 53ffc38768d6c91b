// The statement of batched pages: one LATERAL subquery per parent, every input a parameter,
// and only identifiers for column names.
import { createRequire } from 'node:module';
import { sql, type Sql } from '../../src/paging/sql.ts';
import { describe, expect, it } from 'vitest';
import { batchedPagesSql, type ChildList } from '../../src/paging/batchedPages.ts';

const parents = ['6f1c2b9e-1d3a-4c5b-9e8f-0a1b2c3d4e5f', '7f1c2b9e-1d3a-4c5b-9e8f-0a1b2c3d4e5f'];
const cursor = { createdAt: new Date('2026-01-01T00:00:00.000Z'), id: parents[0]! };
const list: ChildList = {
  from: sql`app.notes t`,
  parent: 'client_id',
  position: 'date',
  columns: sql`t.id::text AS id`,
  where: sql`AND t.tenant_id = ${'tenant'}::uuid`,
};
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('batchedPagesSql', () => {
  it("takes each parent's first + 1 rows after the cursor, newest first, in one statement", () => {
    const statement = batchedPagesSql(list, parents, { first: 10, after: cursor });
    expect(flat(statement.text)).toBe(
      flat(`SELECT k.parent_id::text AS "parentId", p.*
        FROM unnest($1::uuid[]) AS k(parent_id)
        CROSS JOIN LATERAL (
          SELECT t.id::text AS id FROM app.notes t
           WHERE t.client_id = k.parent_id AND t.tenant_id = $2::uuid
             AND t.date <= $3::timestamptz AND (t.date, t.id) < ($4::timestamptz, $5::uuid)
           ORDER BY t.date DESC, t.id DESC
           LIMIT $6
        ) p`),
    );
    expect(statement.values).toEqual([
      parents,
      'tenant',
      cursor.createdAt,
      cursor.createdAt,
      cursor.id,
      11,
    ]);
  });

  it('has no cursor condition on a first page', () => {
    const statement = batchedPagesSql(list, parents, { first: 0 });
    expect(statement.text).not.toMatch(/timestamptz/);
    expect(statement.values.at(-1)).toBe(1);
  });

  it("nests fragments of the Prisma clients' runtime as SQL, not as values", () => {
    // The generated clients load the runtime as CommonJS: their Prisma.raw must nest.
    const runtime = createRequire(import.meta.url)('@prisma/client/runtime/client') as {
      raw(text: string): Sql;
    };
    const statement = batchedPagesSql({ ...list, from: runtime.raw('app.notes t') }, parents, {
      first: 1,
    });
    expect(statement.text).toMatch(/FROM app\.notes t/);
    expect(statement.values).not.toContain('app.notes t');
  });

  it('refuses a column name that is not an identifier', () => {
    expect(() =>
      batchedPagesSql({ ...list, position: 'date; DROP TABLE x' }, parents, { first: 1 }),
    ).toThrow();
  });
});
