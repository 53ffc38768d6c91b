import type { Tx } from './db.ts';
import type { Prisma } from './generated/prisma/client.ts';

/** Records what a mutation or an import did, in its own (tenant-scoped) transaction. */
export async function logActivity(
  tx: Tx,
  tenantId: string,
  clientId: string | null,
  action: string,
  metadata: Prisma.InputJsonObject = {},
): Promise<void> {
  await tx.clientActivityLog.create({ data: { tenantId, clientId, action, metadata } });
}
