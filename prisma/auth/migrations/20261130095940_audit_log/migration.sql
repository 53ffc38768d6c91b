-- CreateEnum
CREATE TYPE "app_auth"."AuditAction" AS ENUM ('ROLE_CHANGED', 'STATUS_CHANGED', 'INVITATION_SENT', 'INVITATION_ACCEPTED', 'INVITATION_VOIDED', 'ADMIN_CREATED', 'ADMIN_PROMOTED', 'SESSIONS_REVOKED', 'ACCOUNT_LOCKED', 'PASSWORD_RESET', 'OAUTH_LINKED', 'OAUTH_UNLINKED');

-- CreateTable
CREATE TABLE "app_auth"."auth_audit_log" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "action" "app_auth"."AuditAction" NOT NULL,
    "actor_id" UUID,
    "actor_label" VARCHAR(200),
    "target_id" UUID,
    "before" JSONB,
    "after" JSONB,
    "ip_address" VARCHAR(64),
    "request_id" VARCHAR(128),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "auth_audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "auth_audit_log_created_at_id_idx" ON "app_auth"."auth_audit_log"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "auth_audit_log_target_id_created_at_idx" ON "app_auth"."auth_audit_log"("target_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "auth_audit_log_actor_id_created_at_idx" ON "app_auth"."auth_audit_log"("actor_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "auth_audit_log_action_created_at_idx" ON "app_auth"."auth_audit_log"("action", "created_at" DESC);
