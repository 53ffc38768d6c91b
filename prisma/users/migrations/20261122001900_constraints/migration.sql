-- hand-written: what schema.prisma cannot express. Kept apart from the Prisma-generated
-- migrations (see tests/migrations-match-schema.test.ts).

ALTER TABLE "app_users"."users"
  ADD CONSTRAINT "users_follower_count_check" CHECK ("follower_count" >= 0),
  ADD CONSTRAINT "users_following_count_check" CHECK ("following_count" >= 0),
  ADD CONSTRAINT "users_bio_length_check" CHECK (char_length("bio") <= 2000);

ALTER TABLE "app_users"."user_preferences"
  ADD CONSTRAINT "user_preferences_settings_object_check" CHECK (jsonb_typeof("settings") = 'object');

ALTER TABLE "app_users"."user_addresses"
  ADD CONSTRAINT "user_addresses_country_check" CHECK ("country" ~ '^[A-Z]{2}$');

-- At most one default address per user.
CREATE UNIQUE INDEX "user_addresses_one_default_per_user_key" ON "app_users"."user_addresses" ("user_id")
  WHERE "is_default";

ALTER TABLE "app_users"."user_followers"
  ADD CONSTRAINT "user_followers_no_self_follow_check" CHECK ("follower_id" <> "following_id");
