-- CreateTable
CREATE TABLE "app_clients"."rate_limits" (
    "tenant_id" UUID NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "hits" INTEGER NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("tenant_id","name")
);

-- CreateIndex
CREATE INDEX "rate_limits_expires_at_idx" ON "app_clients"."rate_limits"("expires_at");
