import type { Tx } from './db.ts';

/**
 * The tenant's number of live clients, from the counter the clients triggers maintain in the
 * writing transactions (migration client_counts_triggers): one row read, however big the book.
 * Must run under the tenant (row-level security); a tenant without a row has no clients yet.
 */
export async function liveClientCount(tx: Tx, tenantId: string): Promise<number> {
  const row = await tx.clientCount.findUnique({
    where: { tenantId },
    select: { liveCount: true },
  });
  return row?.liveCount ?? 0;
}
