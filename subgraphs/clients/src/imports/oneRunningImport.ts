import { conflict } from '@grahvani/shared';
import type { Tx } from '../db.ts';

const importRunning = (importId?: string) => {
  const error = conflict('Another import of yours is still running; try again when it finishes');
  if (importId) error.extensions.importId = importId;
  return error;
};

/** The tenant's oldest PENDING or PROCESSING import, if any. */
const runningImport = (tx: Tx, tenantId: string) =>
  tx.clientImport.findFirst({
    where: { tenantId, status: { in: ['PENDING', 'PROCESSING'] } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, idempotencyKey: true },
  });

/**
 * The early check, before a request waits for an import slot: a tenant's second import is
 * refused at once rather than queued behind its first. A retry of the running import itself
 * (same Idempotency-Key) passes, to be answered with that import.
 */
export async function refuseWhileRunning(
  tx: Tx,
  tenantId: string,
  idempotencyKey: string | null | undefined,
): Promise<void> {
  const running = await runningImport(tx, tenantId);
  if (running && (!idempotencyKey || running.idempotencyKey !== idempotencyKey)) {
    throw importRunning(running.id);
  }
}

/**
 * Refuses a new import while the tenant has one PENDING or PROCESSING (CONFLICT, with the
 * running import's id in `extensions.importId` when known): one tenant runs one import at a
 * time, so it cannot fill the shared import slots and connection pool alone. Call it inside
 * the transaction that creates the import. A transaction-scoped advisory lock is tried, never
 * waited for, so two requests racing each other hold no connection while one waits.
 */
export async function assertNoRunningImport(tx: Tx, tenantId: string): Promise<void> {
  const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
    SELECT pg_try_advisory_xact_lock(hashtext(${`client-import:${tenantId}`})) AS locked`;
  if (!lock?.locked) throw importRunning();
  const running = await runningImport(tx, tenantId);
  if (running) throw importRunning(running.id);
}
