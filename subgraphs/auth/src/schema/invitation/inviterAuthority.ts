import type { Prisma } from '../../generated/prisma/client.ts';
import { SUPERSEDED } from '../../oneTimeTokens.ts';

/**
 * True when the inviter may still grant an invitation's role: only an ACTIVE ADMIN may invite,
 * so an invitation outlives neither its inviter's role nor their status. Locks the inviter's
 * row (FOR SHARE) until the caller's transaction ends, so a demotion or suspension committed
 * at the same moment is either seen here or waits for the acceptance to finish.
 */
export async function inviterMayGrant(
  tx: Prisma.TransactionClient,
  inviterId: string | null,
): Promise<boolean> {
  if (!inviterId) return false;
  const rows = await tx.$queryRaw<{ role: string; status: string }[]>`
    SELECT role::text AS role, status::text AS status FROM app_auth.auth_users
    WHERE id = ${inviterId}::uuid FOR SHARE`;
  const inviter = rows[0];
  return inviter?.role === 'ADMIN' && inviter.status === 'ACTIVE';
}

/**
 * Voids the unused invitations an account has sent, inside the transaction that takes away its
 * right to invite (demotion from ADMIN, suspension, deletion). Returns how many were voided.
 */
export async function voidInvitationsFrom(
  tx: Prisma.TransactionClient,
  inviterId: string,
): Promise<number> {
  const { count } = await tx.authInvitationToken.updateMany({
    where: { userId: inviterId, used: false },
    data: SUPERSEDED,
  });
  return count;
}
