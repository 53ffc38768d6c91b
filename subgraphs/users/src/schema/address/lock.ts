import type { Prisma } from '../../generated/prisma/client.ts';

/** Most addresses one user may keep. */
export const MAX_ADDRESSES = 20;

/**
 * Serialises a user's address changes (default switching, the address limit) by locking the
 * user's row. NO KEY UPDATE does not block the key-share locks of concurrent follows.
 */
export async function lockUser(tx: Prisma.TransactionClient, userId: string) {
  await tx.$queryRaw`SELECT 1 FROM "app_users"."users" WHERE id = ${userId}::uuid FOR NO KEY UPDATE`;
}

/** Makes no address of the user the default, except `keep`. */
export function clearDefault(tx: Prisma.TransactionClient, userId: string, keep?: string) {
  return tx.userAddress.updateMany({
    where: { userId, isDefault: true, ...(keep ? { id: { not: keep } } : {}) },
    data: { isDefault: false },
  });
}
