-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "app_users";

-- CreateEnum
CREATE TYPE "app_users"."AddressType" AS ENUM ('HOME', 'WORK', 'BILLING', 'OTHER');

-- CreateTable
CREATE TABLE "app_users"."users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "auth_user_id" UUID NOT NULL,
    "email" VARCHAR(320),
    "name" VARCHAR(200),
    "bio" TEXT,
    "avatar_url" VARCHAR(2048),
    "gender" VARCHAR(32),
    "date_of_birth" DATE,
    "follower_count" INTEGER NOT NULL DEFAULT 0,
    "following_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_users"."user_preferences" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_preferences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_users"."user_addresses" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "type" "app_users"."AddressType" NOT NULL DEFAULT 'HOME',
    "line1" VARCHAR(200) NOT NULL,
    "line2" VARCHAR(200),
    "city" VARCHAR(100) NOT NULL,
    "state" VARCHAR(100),
    "postal_code" VARCHAR(20),
    "country" CHAR(2) NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_addresses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_users"."user_activity_logs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "ip_address" VARCHAR(64),
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_activity_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_users"."user_followers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "follower_id" UUID NOT NULL,
    "following_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_followers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_auth_user_id_key" ON "app_users"."users"("auth_user_id");

-- CreateIndex
CREATE INDEX "users_created_at_id_idx" ON "app_users"."users"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "user_preferences_user_id_key" ON "app_users"."user_preferences"("user_id");

-- CreateIndex
CREATE INDEX "user_addresses_user_id_created_at_idx" ON "app_users"."user_addresses"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "user_activity_logs_user_id_created_at_id_idx" ON "app_users"."user_activity_logs"("user_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "user_followers_following_id_created_at_id_idx" ON "app_users"."user_followers"("following_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "user_followers_follower_id_created_at_id_idx" ON "app_users"."user_followers"("follower_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "user_followers_follower_id_following_id_key" ON "app_users"."user_followers"("follower_id", "following_id");

-- AddForeignKey
ALTER TABLE "app_users"."user_preferences" ADD CONSTRAINT "user_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_users"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_users"."user_addresses" ADD CONSTRAINT "user_addresses_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_users"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_users"."user_activity_logs" ADD CONSTRAINT "user_activity_logs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_users"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_users"."user_followers" ADD CONSTRAINT "user_followers_follower_id_fkey" FOREIGN KEY ("follower_id") REFERENCES "app_users"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_users"."user_followers" ADD CONSTRAINT "user_followers_following_id_fkey" FOREIGN KEY ("following_id") REFERENCES "app_users"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
