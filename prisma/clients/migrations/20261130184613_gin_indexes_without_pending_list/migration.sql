-- hand-written: the GIN indexes (search trigrams, tags) without a pending list. Index storage
-- parameters are SQL that schema.prisma cannot express.
--
-- With fastupdate on (PostgreSQL's default), rows inserted in bulk wait in each GIN index's
-- pending list until VACUUM merges it, and the planner, counting those pending pages against
-- the index, estimated a search through a book just imported (20,000 clients, before
-- autovacuum's next pass) dearer than a sequential scan of the whole table: the search
-- `Client 1-12` then read every row of every tenant, 15-20 ms, instead of 2 ms from the
-- trigram indexes (EXPLAIN ANALYZE in BENCHMARKS.md; tests/clients-scale-plans.test.ts explains it right after the import).
-- Without the list, each insert updates the index itself: an import of 20,000 rows takes
-- about 2 s longer (13 %), and searches are served by the indexes from the first request on.
ALTER INDEX "app_clients"."clients_tenant_id_tags_idx" SET (fastupdate = off);
ALTER INDEX "app_clients"."clients_tenant_id_name_trgm_idx" SET (fastupdate = off);
ALTER INDEX "app_clients"."clients_tenant_id_email_trgm_idx" SET (fastupdate = off);
ALTER INDEX "app_clients"."clients_tenant_id_phone_trgm_idx" SET (fastupdate = off);

-- A database migrated with rows in the lists: merge them now (the setting only stops new ones).
SELECT gin_clean_pending_list('app_clients.clients_tenant_id_tags_idx'::regclass);
SELECT gin_clean_pending_list('app_clients.clients_tenant_id_name_trgm_idx'::regclass);
SELECT gin_clean_pending_list('app_clients.clients_tenant_id_email_trgm_idx'::regclass);
SELECT gin_clean_pending_list('app_clients.clients_tenant_id_phone_trgm_idx'::regclass);
