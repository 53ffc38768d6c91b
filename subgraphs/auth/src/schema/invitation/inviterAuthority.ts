import type { Prisma } from '../../generated/prisma/client.ts';

/**
 * True when the inviter may still grant an invitation's role: only an ACTIVE ADMIN may invite,
 * so an invitation outlives neither its inviter's role nor their status. Locks the inviter's
 * row (FOR SHARE) until the caller's transaction ends, so a demotion or suspension committed
 * at the same moment is either seen here or waits for the acceptance to finish. Taking the
 * right away voids the inviter's pending invitations: `voidInvitationsIn` (audit/invitations.ts).
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
