import type { Identity, Logger } from '@grahvani/shared';
import type { ClientCounts } from './clientCount.ts';
import type { Db } from './db.ts';
import type { ImportRunner } from './imports/runner.ts';
import type { Loaders } from './loaders.ts';
import type { ClientsRateLimits } from './rateLimits.ts';
import type { TenantReads } from './tenantReads.ts';

/** Per-request context of the clients subgraph: verified caller plus fresh loaders. */
export interface Context {
  identity: Identity | null;
  db: Db;
  loaders: Loaders;
  /** This request's reads under a tenant, in the transaction they share (see tenantReads.ts). */
  reads: TenantReads;
  /** Each tenant's live client count, read once per query (see clientCount.ts). */
  clientCounts: ClientCounts;
  logger: Logger;
  /** The Idempotency-Key request header (forwarded by the gateway), if any. */
  idempotencyKey: string | null;
  /** Background CSV imports of this process. */
  imports: ImportRunner;
  /** Limits shared by the replicas (importClients per tenant). */
  rateLimits: ClientsRateLimits;
}
