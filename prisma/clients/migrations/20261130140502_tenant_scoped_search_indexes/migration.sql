-- hand-written: tenant-scoped search and tags indexes. SQL that schema.prisma cannot express.
--
-- The trigram indexes (search) and the GIN index on tags answered for every tenant at once: a
-- tag or a name fragment common to many books (200 tenants each with a `t3` tag) was gathered
-- for all of them and filtered down to the viewer's rows in the heap, so one tenant paid for
-- the others' rows. Led by tenant_id (btree_gin gives GIN an equality operator class for uuid),
-- each index returns only the tenant's matches. tenant_id = ... is leakproof, so the indexes
-- serve queries under row-level security like the ones they replace.

-- btree_gin lives in schema public with pg_trgm: an extension belongs to the whole database.
CREATE EXTENSION IF NOT EXISTS "btree_gin" WITH SCHEMA "public";

CREATE INDEX "clients_tenant_id_tags_idx" ON "app_clients"."clients"
  USING GIN ("tenant_id", "tags");
CREATE INDEX "clients_tenant_id_name_trgm_idx" ON "app_clients"."clients"
  USING GIN ("tenant_id", "name" "public"."gin_trgm_ops");
CREATE INDEX "clients_tenant_id_email_trgm_idx" ON "app_clients"."clients"
  USING GIN ("tenant_id", "email" "public"."gin_trgm_ops");
CREATE INDEX "clients_tenant_id_phone_trgm_idx" ON "app_clients"."clients"
  USING GIN ("tenant_id", "phone" "public"."gin_trgm_ops");

DROP INDEX "app_clients"."clients_tags_idx";
DROP INDEX "app_clients"."clients_name_trgm_idx";
DROP INDEX "app_clients"."clients_email_trgm_idx";
DROP INDEX "app_clients"."clients_phone_trgm_idx";
