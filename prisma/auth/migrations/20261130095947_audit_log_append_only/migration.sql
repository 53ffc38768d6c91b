-- hand-written: makes app_auth.auth_audit_log append-only for real.
-- The service role may INSERT and SELECT; UPDATE, DELETE and TRUNCATE are neither granted
-- (here, and by ensureServiceRoles in packages/shared/src/migrate.ts, which re-applies this to
-- every table carrying a trigger named "append_only") nor possible (the trigger refuses them).
-- Retention deletes only through app_auth.prune_audit_log, SECURITY DEFINER.

-- Who acted: an account (actor_id), or the CLI/system (actor_label), never both or neither.
ALTER TABLE "app_auth"."auth_audit_log"
  ADD CONSTRAINT "auth_audit_log_actor_check" CHECK (("actor_id" IS NULL) <> ("actor_label" IS NULL));

-- Refuses every UPDATE and TRUNCATE, and every DELETE except the retention function's: that one
-- runs as the table's owner and raises a transaction-local flag first. Checking the owner
-- matters: any role can set the flag, only prune_audit_log runs as the owner.
CREATE FUNCTION "app_auth"."auth_audit_log_refuse_change"() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND current_setting('grahvani.audit_retention', true) = 'on'
     AND current_user = (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'auth_audit_log is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "append_only"
  BEFORE UPDATE OR DELETE ON "app_auth"."auth_audit_log"
  FOR EACH ROW EXECUTE FUNCTION "app_auth"."auth_audit_log_refuse_change"();

CREATE TRIGGER "append_only_truncate"
  BEFORE TRUNCATE ON "app_auth"."auth_audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "app_auth"."auth_audit_log_refuse_change"();

-- Deletes events older than retention_days (at least 30, so the service role cannot empty
-- the recent trail through it). Returns how many were deleted. search_path is pinned: a
-- SECURITY DEFINER function must not resolve names through the caller's path.
CREATE FUNCTION "app_auth"."prune_audit_log"(retention_days integer) RETURNS bigint
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  deleted bigint;
BEGIN
  IF retention_days IS NULL OR retention_days < 30 THEN
    RAISE EXCEPTION 'audit events are kept at least 30 days (got %)', retention_days
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM set_config('grahvani.audit_retention', 'on', true);
  DELETE FROM "app_auth"."auth_audit_log"
    WHERE "created_at" < now() - make_interval(days => retention_days);
  GET DIAGNOSTICS deleted = ROW_COUNT;
  PERFORM set_config('grahvani.audit_retention', 'off', true);
  RETURN deleted;
END
$$;

-- Functions are executable by PUBLIC by default; ensureServiceRoles grants EXECUTE on the
-- schema's functions to the auth role alone.
REVOKE ALL ON FUNCTION "app_auth"."prune_audit_log"(integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_auth"."auth_audit_log_refuse_change"() FROM PUBLIC;

-- On a database whose roles exist already, default privileges gave them UPDATE and DELETE on
-- the new table: take those back from everyone but the owner.
REVOKE UPDATE, DELETE, TRUNCATE ON "app_auth"."auth_audit_log" FROM PUBLIC;
DO $$
DECLARE
  role_name text;
BEGIN
  FOR role_name IN
    SELECT DISTINCT a.grantee::regrole::text
    FROM pg_class c, aclexplode(c.relacl) a
    WHERE c.oid = '"app_auth"."auth_audit_log"'::regclass
      AND a.grantee <> c.relowner AND a.grantee <> 0
  LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON "app_auth"."auth_audit_log" FROM %s', role_name);
  END LOOP;
END
$$;
