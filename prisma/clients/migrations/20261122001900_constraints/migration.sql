-- hand-written: what schema.prisma cannot express. Kept apart from the Prisma-generated
-- migrations (see tests/migrations-match-schema.test.ts).

-- pg_trgm lives in schema public: an extension belongs to the whole database.
CREATE EXTENSION IF NOT EXISTS "pg_trgm" WITH SCHEMA "public";

ALTER TABLE "app_clients"."clients"
  ADD CONSTRAINT "clients_name_not_blank_check" CHECK (btrim("name") <> ''),
  ADD CONSTRAINT "clients_latitude_check" CHECK ("latitude" BETWEEN -90 AND 90),
  ADD CONSTRAINT "clients_longitude_check" CHECK ("longitude" BETWEEN -180 AND 180),
  ADD CONSTRAINT "clients_birth_time_check"
    CHECK ("birth_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$'),
  ADD CONSTRAINT "clients_tags_array_check" CHECK (jsonb_typeof("tags") = 'array');

-- `search`: name, email or phone contains the term, case-insensitively (ILIKE '%term%').
CREATE INDEX "clients_name_trgm_idx" ON "app_clients"."clients"
  USING GIN ("name" "public"."gin_trgm_ops");
CREATE INDEX "clients_email_trgm_idx" ON "app_clients"."clients"
  USING GIN ("email" "public"."gin_trgm_ops");
CREATE INDEX "clients_phone_trgm_idx" ON "app_clients"."clients"
  USING GIN ("phone" "public"."gin_trgm_ops");

ALTER TABLE "app_clients"."client_family_links"
  ADD CONSTRAINT "client_family_links_no_self_link_check" CHECK ("client_id" <> "related_client_id");

ALTER TABLE "app_clients"."client_consultations"
  ADD CONSTRAINT "client_consultations_duration_check" CHECK ("duration_minutes" > 0),
  ADD CONSTRAINT "client_consultations_fee_check" CHECK ("fee" >= 0);

ALTER TABLE "app_clients"."client_saved_charts"
  ADD CONSTRAINT "client_saved_charts_chart_data_object_check" CHECK (jsonb_typeof("chart_data") = 'object');

ALTER TABLE "app_clients"."client_imports"
  ADD CONSTRAINT "client_imports_counts_check" CHECK (
    "total_count" >= 0 AND "processed_count" >= 0 AND "success_count" >= 0 AND "failed_count" >= 0
  ),
  ADD CONSTRAINT "client_imports_errors_array_check" CHECK (jsonb_typeof("errors") = 'array');
