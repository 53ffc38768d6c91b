-- hand-written: row level security. SQL that schema.prisma cannot express.
--
-- The second wall of tenant isolation (the first is the resolvers' own `tenant_id` filters):
-- every app_clients table shows and accepts only the rows of the tenant named by the
-- transaction-local setting app.tenant_id (`SELECT set_config('app.tenant_id', $1, true)`).
-- Without the setting a query sees nothing and can write nothing. FORCE applies the policies
-- to the table owner too; only superusers and BYPASSRLS roles (never clients_svc) skip them.
-- NULLIF: once a transaction that set it ends, the setting reads '' rather than NULL.

ALTER TABLE "app_clients"."clients" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "app_clients"."clients" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "app_clients"."clients"
  USING ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "app_clients"."client_family_links" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "app_clients"."client_family_links" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "app_clients"."client_family_links"
  USING ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "app_clients"."client_consultations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "app_clients"."client_consultations" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "app_clients"."client_consultations"
  USING ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "app_clients"."client_saved_charts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "app_clients"."client_saved_charts" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "app_clients"."client_saved_charts"
  USING ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "app_clients"."client_notes" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "app_clients"."client_notes" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "app_clients"."client_notes"
  USING ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "app_clients"."client_remedies" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "app_clients"."client_remedies" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "app_clients"."client_remedies"
  USING ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "app_clients"."client_imports" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "app_clients"."client_imports" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "app_clients"."client_imports"
  USING ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "app_clients"."client_activity_logs" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "app_clients"."client_activity_logs" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "app_clients"."client_activity_logs"
  USING ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "app_clients"."client_idempotency_keys" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "app_clients"."client_idempotency_keys" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "app_clients"."client_idempotency_keys"
  USING ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- A family link is one row seen from both clients: (A, B) and (B, A) are the same pair.
CREATE UNIQUE INDEX "client_family_links_pair_key" ON "app_clients"."client_family_links"
  (LEAST("client_id", "related_client_id"), GREATEST("client_id", "related_client_id"));

-- The one cross-tenant read the service needs: at start (and periodically) it finds background
-- imports whose worker stopped sending heartbeats, to resume or fail them under their own
-- tenant. It reveals ids only. SECURITY DEFINER runs it as the migration owner, which is a
-- superuser or BYPASSRLS role; search_path is pinned so callers cannot shadow anything.
CREATE FUNCTION "app_clients"."stale_client_imports"(stale_before timestamptz)
  RETURNS TABLE (id uuid, tenant_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
  SELECT i.id, i.tenant_id
    FROM app_clients.client_imports i
   WHERE i.status IN ('PENDING', 'PROCESSING')
     AND COALESCE(i.heartbeat_at, i.created_at) < stale_before
   ORDER BY i.created_at
$$;
