-- hand-written: client tag counts maintained by triggers. SQL that schema.prisma cannot express.
--
-- client_tag_counts holds, per tenant and tag, how many live clients (deleted_at IS NULL) hold
-- the tag, so that the totalCount of a list filtered by one tag (`tags @> '["vip"]'`) reads one
-- row instead of visiting every match (2,000 of a 20,000-client book for a tag one in ten
-- holds). Statement-level triggers on clients keep it in the very transaction that writes
-- clients, like client_counts: an import chunk is one upsert per tag, a soft delete or a tags
-- edit moves the tags it changes, a rollback takes the change back with the rows. They run as
-- the caller, under the caller's tenant (row-level security below), so a writer can only move
-- its own tenant's counts.
--
-- Every change is ONE `INSERT ... ON CONFLICT DO UPDATE` of signed deltas in (tenant, tag)
-- order: concurrent writers of one tenant lock its tag rows in the same order, so they queue
-- instead of deadlocking (an UPDATE of the decrements next to an INSERT of the increments
-- could lock them in opposite orders). This is also why there is no CHECK (live_count >= 0)
-- here: PostgreSQL checks the proposed row of an INSERT before it finds the conflict, so a
-- decrement (always of an existing row) would be refused. tests/clients-counts.test.ts holds
-- the counts to the book's real numbers instead. Rows that fall to 0 stay (a tenant has few
-- distinct tags); a missing row reads as 0.

ALTER TABLE "app_clients"."client_tag_counts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "app_clients"."client_tag_counts" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "app_clients"."client_tag_counts"
  USING ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- The distinct tags a clients.tags value holds, as `tags @> '["<tag>"]'` matches them: string
-- elements of an array, nothing for any other JSON (which no `@> '[...]'` filter can match).
CREATE FUNCTION "app_clients"."client_tag_set"(tags jsonb)
  RETURNS SETOF text
  LANGUAGE sql
  IMMUTABLE
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT DISTINCT e #>> '{}'
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(tags) = 'array' THEN tags ELSE '[]'::jsonb END) e
   WHERE jsonb_typeof(e) = 'string'
$$;

-- One function for the three triggers; each names its transition tables new_rows / old_rows.
CREATE FUNCTION "app_clients"."client_tag_counts_apply"()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO app_clients.client_tag_counts AS c (tenant_id, tag, live_count)
      SELECT n.tenant_id, t.tag, count(*)
        FROM new_rows n CROSS JOIN LATERAL app_clients.client_tag_set(n.tags) t(tag)
       WHERE n.deleted_at IS NULL
       GROUP BY n.tenant_id, t.tag
       ORDER BY n.tenant_id, t.tag
      ON CONFLICT (tenant_id, tag) DO UPDATE SET live_count = c.live_count + EXCLUDED.live_count;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO app_clients.client_tag_counts AS c (tenant_id, tag, live_count)
      SELECT o.tenant_id, t.tag, -count(*)
        FROM old_rows o CROSS JOIN LATERAL app_clients.client_tag_set(o.tags) t(tag)
       WHERE o.deleted_at IS NULL
       GROUP BY o.tenant_id, t.tag
       ORDER BY o.tenant_id, t.tag
      ON CONFLICT (tenant_id, tag) DO UPDATE SET live_count = c.live_count + EXCLUDED.live_count;
  ELSE
    -- Tags edits, soft deletes and restores: only rows whose tags or liveness changed count,
    -- their new live tags up, their old live tags down; what cancels out is not written.
    INSERT INTO app_clients.client_tag_counts AS c (tenant_id, tag, live_count)
      SELECT s.tenant_id, t.tag, sum(s.sign)::int
        FROM (SELECT n.tenant_id, n.tags, 1 AS sign, n.deleted_at IS NULL AS live
                FROM new_rows n JOIN old_rows o ON o.id = n.id
               WHERE (n.tenant_id, n.tags, n.deleted_at IS NULL)
                     IS DISTINCT FROM (o.tenant_id, o.tags, o.deleted_at IS NULL)
              UNION ALL
              SELECT o.tenant_id, o.tags, -1, o.deleted_at IS NULL
                FROM new_rows n JOIN old_rows o ON o.id = n.id
               WHERE (n.tenant_id, n.tags, n.deleted_at IS NULL)
                     IS DISTINCT FROM (o.tenant_id, o.tags, o.deleted_at IS NULL)) s
        CROSS JOIN LATERAL app_clients.client_tag_set(s.tags) t(tag)
       WHERE s.live
       GROUP BY s.tenant_id, t.tag
      HAVING sum(s.sign) <> 0
       ORDER BY s.tenant_id, t.tag
      ON CONFLICT (tenant_id, tag) DO UPDATE SET live_count = c.live_count + EXCLUDED.live_count;
  END IF;
  RETURN NULL;
END
$$;

-- Named after clients_count_*: triggers of one event fire in name order, so every writer takes
-- the tenant's client_counts row before its tag rows.
CREATE TRIGGER "clients_tag_count_insert" AFTER INSERT ON "app_clients"."clients"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "app_clients"."client_tag_counts_apply"();
CREATE TRIGGER "clients_tag_count_update" AFTER UPDATE ON "app_clients"."clients"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "app_clients"."client_tag_counts_apply"();
CREATE TRIGGER "clients_tag_count_delete" AFTER DELETE ON "app_clients"."clients"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "app_clients"."client_tag_counts_apply"();

-- Existing books: counted once, with writers held off until this migration commits.
LOCK TABLE "app_clients"."clients" IN SHARE MODE;
INSERT INTO "app_clients"."client_tag_counts" ("tenant_id", "tag", "live_count")
  SELECT c."tenant_id", t.tag, count(*)
    FROM "app_clients"."clients" c
    CROSS JOIN LATERAL "app_clients"."client_tag_set"(c."tags") t(tag)
   WHERE c."deleted_at" IS NULL
   GROUP BY c."tenant_id", t.tag;
