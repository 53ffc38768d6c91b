-- hand-written: rate limits row level security. SQL that schema.prisma cannot express.
--
-- Every limit kept in app_clients is per tenant (importClients per tenant), so the counters
-- take the same wall as every other table: a transaction sees and writes only its tenant's.

ALTER TABLE "app_clients"."rate_limits" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "app_clients"."rate_limits" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "app_clients"."rate_limits"
  USING ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- Housekeeping across tenants (with the stale-import scan): deletes counters whose window has
-- ended and returns how many. SECURITY DEFINER runs it as the migration owner (superuser or
-- BYPASSRLS); it can only delete expired counters, and search_path is pinned.
CREATE FUNCTION "app_clients"."prune_rate_limits"(expired_before timestamptz)
  RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
  WITH deleted AS (
    DELETE FROM app_clients.rate_limits WHERE expires_at < expired_before RETURNING 1
  )
  SELECT count(*)::integer FROM deleted
$$;
