import { isUuid, notFound, requireIdentity } from '@grahvani/shared';
import type { Context } from './context.ts';
import { withTenant, type Tx } from './db.ts';
import type { Client } from './generated/prisma/client.ts';

/** The viewer's tenant: their auth user id. UNAUTHENTICATED without a verified token. */
export function viewerTenant(ctx: Context): string {
  return requireIdentity(ctx.identity).userId;
}

/** Runs `fn` in a transaction scoped (row-level security) to the viewer's tenant. */
export function inViewerTenant<T>(
  ctx: Context,
  fn: (tx: Tx, tenantId: string) => Promise<T>,
): Promise<T> {
  const tenantId = viewerTenant(ctx);
  return withTenant(ctx.db, tenantId, (tx) => fn(tx, tenantId));
}

/** One of the tenant's live clients, or NOT_FOUND (another tenant's, deleted, unknown). */
export async function liveClient(tx: Tx, tenantId: string, id: string): Promise<Client> {
  const client = isUuid(id)
    ? await tx.client.findFirst({ where: { id, tenantId, deletedAt: null } })
    : null;
  if (!client) throw notFound('Client');
  return client;
}
