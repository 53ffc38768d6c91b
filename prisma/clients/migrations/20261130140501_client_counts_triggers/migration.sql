-- hand-written: client counts maintained by triggers. SQL that schema.prisma cannot express.
--
-- client_counts holds each tenant's number of live clients (deleted_at IS NULL), so that an
-- unfiltered list's totalCount and a profile's clientCount read one row instead of counting
-- the whole book on every request. Statement-level triggers on clients keep it in the very
-- transaction that writes clients: an import chunk of 1,000 rows is one counter update, a
-- soft delete moves it down, a rollback takes the change back with the rows. They run as the
-- caller, under the caller's tenant (row-level security below, like every table here), so a
-- writer can only ever move its own tenant's count; the counter row is locked until commit,
-- which orders concurrent writers of one tenant, never those of two.

ALTER TABLE "app_clients"."client_counts"
  ADD CONSTRAINT "client_counts_live_count_check" CHECK ("live_count" >= 0);

ALTER TABLE "app_clients"."client_counts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "app_clients"."client_counts" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "app_clients"."client_counts"
  USING ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- One function for the three triggers; each names its transition tables new_rows / old_rows.
CREATE FUNCTION "app_clients"."client_counts_apply"()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- Every tenant with a client row has a counter row (inserted with its first client, deleted
  -- or not), so deletes and soft deletes only ever UPDATE it: an INSERT of a negative count
  -- would fail the CHECK before ON CONFLICT could add it up.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO app_clients.client_counts AS c (tenant_id, live_count)
      SELECT n.tenant_id, count(*) FILTER (WHERE n.deleted_at IS NULL)
        FROM new_rows n GROUP BY n.tenant_id
      ON CONFLICT (tenant_id) DO UPDATE SET live_count = c.live_count + EXCLUDED.live_count;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE app_clients.client_counts c SET live_count = c.live_count - d.n
      FROM (SELECT o.tenant_id, count(*) AS n FROM old_rows o
             WHERE o.deleted_at IS NULL GROUP BY o.tenant_id) d
     WHERE c.tenant_id = d.tenant_id;
  ELSE
    -- Soft deletes and restores: rows whose deleted_at went from NULL to set, or back.
    UPDATE app_clients.client_counts c SET live_count = c.live_count + d.delta
      FROM (SELECT n.tenant_id, sum((n.deleted_at IS NULL)::int - (o.deleted_at IS NULL)::int) AS delta
              FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.deleted_at IS NULL) <> (o.deleted_at IS NULL)
             GROUP BY n.tenant_id) d
     WHERE c.tenant_id = d.tenant_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "clients_count_insert" AFTER INSERT ON "app_clients"."clients"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "app_clients"."client_counts_apply"();
CREATE TRIGGER "clients_count_update" AFTER UPDATE ON "app_clients"."clients"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "app_clients"."client_counts_apply"();
CREATE TRIGGER "clients_count_delete" AFTER DELETE ON "app_clients"."clients"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "app_clients"."client_counts_apply"();

-- Existing books: counted once, with writers held off until this migration commits.
LOCK TABLE "app_clients"."clients" IN SHARE MODE;
INSERT INTO "app_clients"."client_counts" ("tenant_id", "live_count")
  SELECT "tenant_id", count(*) FILTER (WHERE "deleted_at" IS NULL) FROM "app_clients"."clients"
   GROUP BY "tenant_id";
