-- hand-written: lets the GIN indexes serve queries under row-level security.
--
-- Under RLS, PostgreSQL evaluates a query's own conditions only after the policy's, unless
-- their functions are LEAKPROOF; an index condition is evaluated first, so a non-leakproof
-- operator cannot use an index at all. jsonb containment (`tags @> '["vip"]'`, the tags
-- filter, GIN index clients_tags_idx) and ILIKE (`search`, the trigram indexes) are not
-- marked LEAKPROOF, so with RLS on, both filters fell back to reading every row of the tenant.
--
-- Both functions are safe to mark: jsonb_contains cannot fail on valid jsonb, and texticlike
-- fails only on a malformed pattern, which is the caller's argument, never row data. Marking
-- a pg_catalog function needs a superuser; elsewhere the migration only warns and the filters
-- stay correct, just without their indexes.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION pg_catalog.jsonb_contains(jsonb, jsonb) LEAKPROOF;
    ALTER FUNCTION pg_catalog.texticlike(text, text) LEAKPROOF;
  ELSE
    RAISE WARNING 'not a superuser: jsonb_contains and texticlike stay non-leakproof, so the tags and search filters cannot use their GIN indexes under row-level security';
  END IF;
END
$$;
