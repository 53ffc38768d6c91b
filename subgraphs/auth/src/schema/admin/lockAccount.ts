import { notFound } from '@grahvani/shared';
import type { Prisma, UserRole, UserStatus } from '../../generated/prisma/client.ts';

/**
 * The account's role and status with its row locked until the transaction ends: of two
 * concurrent changes, the second sees the first's result, so each audit event's `before`
 * is exactly what its change replaced.
 */
export async function lockAccount(
  tx: Prisma.TransactionClient,
  id: string,
): Promise<{ role: UserRole; status: UserStatus }> {
  const [row] = await tx.$queryRaw<{ role: UserRole; status: UserStatus }[]>`
    SELECT role::text AS role, status::text AS status
    FROM app_auth.auth_users WHERE id = ${id}::uuid FOR UPDATE`;
  if (!row) throw notFound('Account');
  return row;
}
