-- hand-written: prune idempotency keys. SQL that schema.prisma cannot express.
-- Housekeeping across tenants: idempotency keys are remembered 24 hours, then deleted in
-- batches. Row-level security hides every tenant's keys from the service role outside a tenant
-- transaction, so this runs as the migration owner (SECURITY DEFINER, a superuser or BYPASSRLS
-- role); it deletes only expired keys, returns only a count, and pins search_path so callers
-- cannot shadow anything.
CREATE FUNCTION "app_clients"."prune_expired_idempotency_keys"(expired_before timestamptz, batch_size integer)
  RETURNS integer
  LANGUAGE sql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
  WITH expired AS (
    SELECT k.id
      FROM app_clients.client_idempotency_keys k
     WHERE k.expires_at < expired_before
     ORDER BY k.expires_at
     LIMIT LEAST(GREATEST(batch_size, 1), 10000)
       FOR UPDATE SKIP LOCKED
  ), deleted AS (
    DELETE FROM app_clients.client_idempotency_keys k
     USING expired
     WHERE k.id = expired.id
    RETURNING 1
  )
  SELECT count(*)::integer FROM deleted
$$;
