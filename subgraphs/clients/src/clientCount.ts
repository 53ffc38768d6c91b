import type { Tx } from './db.ts';
import type { TenantReads } from './tenantReads.ts';

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

/** A tenant's live count, read at most once per request (see createClientCounts). */
export type ClientCounts = (
  tenantId: string,
  operation: 'query' | 'mutation' | 'subscription',
) => Promise<number>;

/**
 * The live count of each tenant read once per request and shared by every field that asks:
 * MyClientBook selects both `clientCount` and `clients { totalCount }`, the same counter row,
 * which cost a statement each. Only within a query: nothing can change the count while one
 * runs, whereas the mutations of one request may add or delete clients between two reads.
 */
export function createClientCounts(reads: TenantReads): ClientCounts {
  const counts = new Map<string, Promise<number>>();
  const read = (tenantId: string) => reads(tenantId, (tx) => liveClientCount(tx, tenantId));
  return (tenantId, operation) => {
    if (operation !== 'query') return read(tenantId);
    let count = counts.get(tenantId);
    if (!count) {
      count = read(tenantId);
      counts.set(tenantId, count);
      // A failed read is not kept: another field asking later reads again.
      count.catch(() => counts.delete(tenantId));
    }
    return count;
  };
}
