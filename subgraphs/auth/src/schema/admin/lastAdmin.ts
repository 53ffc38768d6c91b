import { badInput } from '@grahvani/shared';
import type { Prisma } from '../../generated/prisma/client.ts';

/**
 * Refuses a change that would take away the last active ADMIN. Call it, inside the change's
 * transaction, before demoting, suspending or deleting `targetId`: it locks the admin rows
 * first, so two admins demoting each other at the same time cannot both succeed.
 */
export async function keepOneActiveAdmin(
  tx: Prisma.TransactionClient,
  targetId: string,
  field: string,
): Promise<void> {
  await tx.$queryRaw`SELECT id::text FROM app_auth.auth_users WHERE role = 'ADMIN' FOR UPDATE`;
  const target = await tx.authUser.findUnique({ where: { id: targetId } });
  if (target?.role !== 'ADMIN' || target.status !== 'ACTIVE') return;
  const others = await tx.authUser.count({
    where: { role: 'ADMIN', status: 'ACTIVE', id: { not: targetId } },
  });
  if (others === 0) throw badInput('The last active ADMIN cannot be removed', field);
}
