-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "app_clients";

-- CreateEnum
CREATE TYPE "app_clients"."RelationshipType" AS ENUM ('PARENT', 'CHILD', 'SPOUSE', 'SIBLING', 'GRANDPARENT', 'GRANDCHILD', 'COUSIN', 'OTHER');

-- CreateEnum
CREATE TYPE "app_clients"."ConsultationType" AS ENUM ('IN_PERSON', 'PHONE', 'VIDEO', 'CHAT');

-- CreateEnum
CREATE TYPE "app_clients"."NoteCategory" AS ENUM ('GENERAL', 'CONSULTATION', 'PREDICTION', 'REMEDY', 'FOLLOW_UP', 'PERSONAL');

-- CreateEnum
CREATE TYPE "app_clients"."RemedyType" AS ENUM ('GEMSTONE', 'MANTRA', 'YANTRA', 'PUJA', 'FASTING', 'CHARITY', 'RUDRAKSHA', 'LIFESTYLE', 'OTHER');

-- CreateEnum
CREATE TYPE "app_clients"."RemedyStatus" AS ENUM ('PRESCRIBED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "app_clients"."ImportStatus" AS ENUM ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED');

-- CreateTable
CREATE TABLE "app_clients"."clients" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "email" VARCHAR(320),
    "phone" VARCHAR(32),
    "gender" VARCHAR(32),
    "birth_date" DATE,
    "birth_time" VARCHAR(8),
    "birth_place" VARCHAR(255),
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "timezone" VARCHAR(64),
    "tags" JSONB NOT NULL DEFAULT '[]',
    "import_key" VARCHAR(128),
    "import_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "clients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_clients"."client_family_links" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "related_client_id" UUID NOT NULL,
    "relationship_type" "app_clients"."RelationshipType" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "client_family_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_clients"."client_consultations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "type" "app_clients"."ConsultationType" NOT NULL,
    "date" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "duration_minutes" INTEGER,
    "fee" DECIMAL(12,2),
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "client_consultations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_clients"."client_saved_charts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "chart_type" VARCHAR(64) NOT NULL,
    "chart_data" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "client_saved_charts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_clients"."client_notes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "content" TEXT NOT NULL,
    "category" "app_clients"."NoteCategory" NOT NULL DEFAULT 'GENERAL',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "client_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_clients"."client_remedies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "type" "app_clients"."RemedyType" NOT NULL,
    "description" TEXT NOT NULL,
    "status" "app_clients"."RemedyStatus" NOT NULL DEFAULT 'PRESCRIBED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "client_remedies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_clients"."client_imports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "file_url" VARCHAR(2048),
    "file_name" VARCHAR(255),
    "source" TEXT,
    "content_hash" VARCHAR(64) NOT NULL,
    "idempotency_key" VARCHAR(255),
    "status" "app_clients"."ImportStatus" NOT NULL DEFAULT 'PENDING',
    "total_count" INTEGER NOT NULL DEFAULT 0,
    "processed_count" INTEGER NOT NULL DEFAULT 0,
    "success_count" INTEGER NOT NULL DEFAULT 0,
    "failed_count" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "error_message" TEXT,
    "heartbeat_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "client_imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_clients"."client_activity_logs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "client_id" UUID,
    "action" VARCHAR(64) NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "client_activity_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_clients"."client_idempotency_keys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "key" VARCHAR(255) NOT NULL,
    "operation" VARCHAR(64) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "response" JSONB,
    "completed_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "client_idempotency_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "clients_tenant_id_created_at_id_idx" ON "app_clients"."clients"("tenant_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "clients_tags_idx" ON "app_clients"."clients" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "clients_import_id_idx" ON "app_clients"."clients"("import_id");

-- CreateIndex
CREATE UNIQUE INDEX "clients_tenant_id_id_key" ON "app_clients"."clients"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "clients_tenant_id_import_key_key" ON "app_clients"."clients"("tenant_id", "import_key");

-- CreateIndex
CREATE INDEX "client_family_links_tenant_id_client_id_idx" ON "app_clients"."client_family_links"("tenant_id", "client_id");

-- CreateIndex
CREATE INDEX "client_family_links_tenant_id_related_client_id_idx" ON "app_clients"."client_family_links"("tenant_id", "related_client_id");

-- CreateIndex
CREATE UNIQUE INDEX "client_family_links_client_id_related_client_id_key" ON "app_clients"."client_family_links"("client_id", "related_client_id");

-- CreateIndex
CREATE INDEX "client_consultations_tenant_id_client_id_date_id_idx" ON "app_clients"."client_consultations"("tenant_id", "client_id", "date" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "client_saved_charts_tenant_id_client_id_created_at_idx" ON "app_clients"."client_saved_charts"("tenant_id", "client_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "client_saved_charts_client_id_chart_type_idx" ON "app_clients"."client_saved_charts"("client_id", "chart_type");

-- CreateIndex
CREATE INDEX "client_notes_tenant_id_client_id_created_at_idx" ON "app_clients"."client_notes"("tenant_id", "client_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "client_remedies_tenant_id_client_id_created_at_idx" ON "app_clients"."client_remedies"("tenant_id", "client_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "client_imports_tenant_id_created_at_idx" ON "app_clients"."client_imports"("tenant_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "client_imports_tenant_id_content_hash_idx" ON "app_clients"."client_imports"("tenant_id", "content_hash");

-- CreateIndex
CREATE INDEX "client_imports_status_heartbeat_at_idx" ON "app_clients"."client_imports"("status", "heartbeat_at");

-- CreateIndex
CREATE UNIQUE INDEX "client_imports_tenant_id_idempotency_key_key" ON "app_clients"."client_imports"("tenant_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "client_activity_logs_client_id_created_at_id_idx" ON "app_clients"."client_activity_logs"("client_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "client_activity_logs_tenant_id_created_at_idx" ON "app_clients"."client_activity_logs"("tenant_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "client_idempotency_keys_expires_at_idx" ON "app_clients"."client_idempotency_keys"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "client_idempotency_keys_tenant_id_key_key" ON "app_clients"."client_idempotency_keys"("tenant_id", "key");

-- AddForeignKey
ALTER TABLE "app_clients"."clients" ADD CONSTRAINT "clients_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "app_clients"."client_imports"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_clients"."client_family_links" ADD CONSTRAINT "client_family_links_tenant_id_client_id_fkey" FOREIGN KEY ("tenant_id", "client_id") REFERENCES "app_clients"."clients"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_clients"."client_family_links" ADD CONSTRAINT "client_family_links_tenant_id_related_client_id_fkey" FOREIGN KEY ("tenant_id", "related_client_id") REFERENCES "app_clients"."clients"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_clients"."client_consultations" ADD CONSTRAINT "client_consultations_tenant_id_client_id_fkey" FOREIGN KEY ("tenant_id", "client_id") REFERENCES "app_clients"."clients"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_clients"."client_saved_charts" ADD CONSTRAINT "client_saved_charts_tenant_id_client_id_fkey" FOREIGN KEY ("tenant_id", "client_id") REFERENCES "app_clients"."clients"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_clients"."client_notes" ADD CONSTRAINT "client_notes_tenant_id_client_id_fkey" FOREIGN KEY ("tenant_id", "client_id") REFERENCES "app_clients"."clients"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_clients"."client_remedies" ADD CONSTRAINT "client_remedies_tenant_id_client_id_fkey" FOREIGN KEY ("tenant_id", "client_id") REFERENCES "app_clients"."clients"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_clients"."client_activity_logs" ADD CONSTRAINT "client_activity_logs_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "app_clients"."clients"("id") ON DELETE SET NULL ON UPDATE CASCADE;
