-- CreateTable
CREATE TABLE "app_auth"."rate_limits" (
    "name" VARCHAR(64) NOT NULL,
    "subject" VARCHAR(128) NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "hits" INTEGER NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("name","subject")
);

-- CreateIndex
CREATE INDEX "rate_limits_expires_at_idx" ON "app_auth"."rate_limits"("expires_at");
