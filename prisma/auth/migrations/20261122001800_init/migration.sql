-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "app_auth";

-- CreateEnum
CREATE TYPE "app_auth"."UserRole" AS ENUM ('USER', 'MODERATOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "app_auth"."UserStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'PENDING_VERIFICATION', 'DELETED');

-- CreateEnum
CREATE TYPE "app_auth"."TokenType" AS ENUM ('ACCESS', 'REFRESH', 'SESSION');

-- CreateEnum
CREATE TYPE "app_auth"."OAuthProvider" AS ENUM ('GOOGLE', 'GITHUB', 'MICROSOFT', 'APPLE', 'OIDC');

-- CreateTable
CREATE TABLE "app_auth"."auth_users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" VARCHAR(320) NOT NULL,
    "password_hash" TEXT,
    "name" VARCHAR(200),
    "role" "app_auth"."UserRole" NOT NULL DEFAULT 'USER',
    "status" "app_auth"."UserStatus" NOT NULL DEFAULT 'PENDING_VERIFICATION',
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "email_verified_at" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "password_changed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_auth"."auth_sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "token_hash" VARCHAR(128),
    "refresh_token_hash" VARCHAR(128) NOT NULL,
    "rotation_counter" INTEGER NOT NULL DEFAULT 0,
    "ip_address" VARCHAR(64),
    "user_agent" TEXT,
    "device_type" VARCHAR(32),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_reason" VARCHAR(64),

    CONSTRAINT "auth_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_auth"."auth_refresh_token_rotations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "session_id" UUID NOT NULL,
    "token_hash" VARCHAR(128) NOT NULL,
    "rotated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_refresh_token_rotations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_auth"."auth_login_attempts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID,
    "email" VARCHAR(320) NOT NULL,
    "ip_address" VARCHAR(64),
    "user_agent" TEXT,
    "success" BOOLEAN NOT NULL,
    "failure_reason" VARCHAR(64),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_login_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_auth"."auth_password_reset_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "token_hash" VARCHAR(128) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used" BOOLEAN NOT NULL DEFAULT false,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_password_reset_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_auth"."auth_email_verification_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "email" VARCHAR(320) NOT NULL,
    "token_hash" VARCHAR(128) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used" BOOLEAN NOT NULL DEFAULT false,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_email_verification_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_auth"."auth_oauth_accounts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "provider" "app_auth"."OAuthProvider" NOT NULL,
    "provider_user_id" VARCHAR(255) NOT NULL,
    "email" VARCHAR(320),
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_oauth_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_auth"."auth_token_blacklist" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" VARCHAR(128) NOT NULL,
    "token_type" "app_auth"."TokenType" NOT NULL,
    "user_id" UUID,
    "session_id" UUID,
    "reason" VARCHAR(64),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_token_blacklist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_auth"."auth_invitation_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID,
    "email" VARCHAR(320) NOT NULL,
    "role" "app_auth"."UserRole" NOT NULL DEFAULT 'USER',
    "token_hash" VARCHAR(128) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used" BOOLEAN NOT NULL DEFAULT false,
    "used_at" TIMESTAMPTZ(3),
    "accepted_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_invitation_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_auth"."auth_magic_link_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "email" VARCHAR(320) NOT NULL,
    "token_hash" VARCHAR(128) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used" BOOLEAN NOT NULL DEFAULT false,
    "used_at" TIMESTAMPTZ(3),
    "ip_address" VARCHAR(64),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_magic_link_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "auth_users_email_key" ON "app_auth"."auth_users"("email");

-- CreateIndex
CREATE INDEX "auth_users_role_idx" ON "app_auth"."auth_users"("role");

-- CreateIndex
CREATE INDEX "auth_users_status_idx" ON "app_auth"."auth_users"("status");

-- CreateIndex
CREATE INDEX "auth_users_created_at_id_idx" ON "app_auth"."auth_users"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "auth_sessions_refresh_token_hash_key" ON "app_auth"."auth_sessions"("refresh_token_hash");

-- CreateIndex
CREATE INDEX "auth_sessions_user_id_created_at_idx" ON "app_auth"."auth_sessions"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "auth_sessions_expires_at_idx" ON "app_auth"."auth_sessions"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "auth_refresh_token_rotations_token_hash_key" ON "app_auth"."auth_refresh_token_rotations"("token_hash");

-- CreateIndex
CREATE INDEX "auth_refresh_token_rotations_session_id_idx" ON "app_auth"."auth_refresh_token_rotations"("session_id");

-- CreateIndex
CREATE INDEX "auth_login_attempts_email_created_at_idx" ON "app_auth"."auth_login_attempts"("email", "created_at");

-- CreateIndex
CREATE INDEX "auth_login_attempts_ip_address_created_at_idx" ON "app_auth"."auth_login_attempts"("ip_address", "created_at");

-- CreateIndex
CREATE INDEX "auth_login_attempts_user_id_created_at_idx" ON "app_auth"."auth_login_attempts"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "auth_login_attempts_created_at_idx" ON "app_auth"."auth_login_attempts"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "auth_password_reset_tokens_token_hash_key" ON "app_auth"."auth_password_reset_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "auth_password_reset_tokens_user_id_created_at_idx" ON "app_auth"."auth_password_reset_tokens"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "auth_password_reset_tokens_expires_at_idx" ON "app_auth"."auth_password_reset_tokens"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "auth_email_verification_tokens_token_hash_key" ON "app_auth"."auth_email_verification_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "auth_email_verification_tokens_user_id_created_at_idx" ON "app_auth"."auth_email_verification_tokens"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "auth_email_verification_tokens_expires_at_idx" ON "app_auth"."auth_email_verification_tokens"("expires_at");

-- CreateIndex
CREATE INDEX "auth_oauth_accounts_user_id_idx" ON "app_auth"."auth_oauth_accounts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "auth_oauth_accounts_provider_provider_user_id_key" ON "app_auth"."auth_oauth_accounts"("provider", "provider_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "auth_token_blacklist_token_hash_key" ON "app_auth"."auth_token_blacklist"("token_hash");

-- CreateIndex
CREATE INDEX "auth_token_blacklist_expires_at_idx" ON "app_auth"."auth_token_blacklist"("expires_at");

-- CreateIndex
CREATE INDEX "auth_token_blacklist_user_id_idx" ON "app_auth"."auth_token_blacklist"("user_id");

-- CreateIndex
CREATE INDEX "auth_token_blacklist_session_id_idx" ON "app_auth"."auth_token_blacklist"("session_id");

-- CreateIndex
CREATE UNIQUE INDEX "auth_invitation_tokens_token_hash_key" ON "app_auth"."auth_invitation_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "auth_invitation_tokens_email_created_at_idx" ON "app_auth"."auth_invitation_tokens"("email", "created_at" DESC);

-- CreateIndex
CREATE INDEX "auth_invitation_tokens_user_id_idx" ON "app_auth"."auth_invitation_tokens"("user_id");

-- CreateIndex
CREATE INDEX "auth_invitation_tokens_expires_at_idx" ON "app_auth"."auth_invitation_tokens"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "auth_magic_link_tokens_token_hash_key" ON "app_auth"."auth_magic_link_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "auth_magic_link_tokens_user_id_created_at_idx" ON "app_auth"."auth_magic_link_tokens"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "auth_magic_link_tokens_expires_at_idx" ON "app_auth"."auth_magic_link_tokens"("expires_at");

-- AddForeignKey
ALTER TABLE "app_auth"."auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_auth"."auth_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_auth"."auth_refresh_token_rotations" ADD CONSTRAINT "auth_refresh_token_rotations_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "app_auth"."auth_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_auth"."auth_login_attempts" ADD CONSTRAINT "auth_login_attempts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_auth"."auth_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_auth"."auth_password_reset_tokens" ADD CONSTRAINT "auth_password_reset_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_auth"."auth_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_auth"."auth_email_verification_tokens" ADD CONSTRAINT "auth_email_verification_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_auth"."auth_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_auth"."auth_oauth_accounts" ADD CONSTRAINT "auth_oauth_accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_auth"."auth_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_auth"."auth_token_blacklist" ADD CONSTRAINT "auth_token_blacklist_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_auth"."auth_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_auth"."auth_token_blacklist" ADD CONSTRAINT "auth_token_blacklist_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "app_auth"."auth_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_auth"."auth_invitation_tokens" ADD CONSTRAINT "auth_invitation_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_auth"."auth_users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_auth"."auth_magic_link_tokens" ADD CONSTRAINT "auth_magic_link_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_auth"."auth_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
