-- auth_token_blacklist.token_hash never held a hash: each row revokes a session, keyed by the
-- session's id. Renamed for what it holds. Prisma generates DROP COLUMN + ADD COLUMN for a
-- renamed field (losing every revocation); this is written as renames instead, which keep the
-- rows and take only a brief lock (no table rewrite).
--
-- Rolling upgrade: until the last auth replica of the previous release is replaced, those
-- replicas still name token_hash. Their revocation writes (logout, logoutAll, revokeSession,
-- password change or reset, suspension, role change, refresh-token reuse) fail and roll back as
-- a whole (the client gets an error and may retry: nothing is half-revoked), and their
-- GET /revocations answers 500, which verifiers retry. Revocations already announced stay in
-- every verifier's memory. Roll the auth deployment right after this migration.

-- RenameColumn
ALTER TABLE "app_auth"."auth_token_blacklist" RENAME COLUMN "token_hash" TO "revoked_session_id";

-- RenameIndex
ALTER INDEX "app_auth"."auth_token_blacklist_token_hash_key" RENAME TO "auth_token_blacklist_revoked_session_id_key";
