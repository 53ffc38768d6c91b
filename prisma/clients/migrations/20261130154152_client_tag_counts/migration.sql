-- CreateTable
CREATE TABLE "app_clients"."client_tag_counts" (
    "tenant_id" UUID NOT NULL,
    "tag" TEXT NOT NULL,
    "live_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "client_tag_counts_pkey" PRIMARY KEY ("tenant_id","tag")
);
