-- AlterTable
ALTER TABLE "app_clients"."client_imports" ADD COLUMN     "duplicate_count" INTEGER NOT NULL DEFAULT 0;
