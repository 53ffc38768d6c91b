-- CreateTable
CREATE TABLE "app_clients"."client_counts" (
    "tenant_id" UUID NOT NULL,
    "live_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "client_counts_pkey" PRIMARY KEY ("tenant_id")
);
