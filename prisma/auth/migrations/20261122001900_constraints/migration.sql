-- hand-written: what schema.prisma cannot express. Kept apart from the Prisma-generated
-- migrations (see tests/migrations-match-schema.test.ts).

-- pg_trgm lives in schema public: an extension belongs to the whole database.
CREATE EXTENSION IF NOT EXISTS "pg_trgm" WITH SCHEMA "public";

-- Emails are stored lower-cased, so the unique index is case-insensitive in effect.
ALTER TABLE "app_auth"."auth_users"
  ADD CONSTRAINT "auth_users_email_lower_check" CHECK ("email" = lower("email"));

ALTER TABLE "app_auth"."auth_sessions"
  ADD CONSTRAINT "auth_sessions_rotation_counter_check" CHECK ("rotation_counter" >= 0);

-- The admin list's search (email or name contains, case-insensitive).
CREATE INDEX "auth_users_email_trgm_idx" ON "app_auth"."auth_users"
  USING GIN ("email" "public"."gin_trgm_ops");
CREATE INDEX "auth_users_name_trgm_idx" ON "app_auth"."auth_users"
  USING GIN ("name" "public"."gin_trgm_ops");
