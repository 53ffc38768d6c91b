import type { Prisma } from '../generated/prisma/client.ts';
import { SUPERSEDED } from '../oneTimeTokens.ts';
import { recordAudits, type AuditOrigin } from './record.ts';

/** Which pending invitations to void: those to an address, or those an account sent. */
export type InvitationSelector = { email: string } | { inviterId: string };

/**
 * Voids the pending (unused) invitations `selector` names, inside the caller's transaction,
 * and records one INVITATION_VOIDED event per invitation. Voided rows stay (used, no time of
 * use), so the hourly mail limit still counts them. Returns how many were voided.
 *
 * Call it wherever invitations stop being valid: a newer invitation to the same address
 * supersedes older ones (`{ email }`); an inviter losing ADMIN voids theirs (`{ inviterId }`).
 */
export async function voidInvitationsIn(
  tx: Prisma.TransactionClient,
  selector: InvitationSelector,
  origin: AuditOrigin,
  /** Why, kept in the event (e.g. `superseded`, `inviter_demoted`). */
  reason: string,
): Promise<number> {
  const where: Prisma.AuthInvitationTokenWhereInput = {
    used: false,
    ...('email' in selector ? { email: selector.email } : { userId: selector.inviterId }),
  };
  const pending = await tx.authInvitationToken.findMany({
    where,
    select: { id: true, email: true },
  });
  if (pending.length === 0) return 0;
  await tx.authInvitationToken.updateMany({
    where: { id: { in: pending.map((p) => p.id) }, used: false },
    data: SUPERSEDED,
  });
  await recordAudits(
    tx,
    origin,
    pending.map((invitation) => ({
      action: 'INVITATION_VOIDED' as const,
      targetId: null,
      before: { invitationId: invitation.id, email: invitation.email, used: false },
      after: { invitationId: invitation.id, used: true, reason },
    })),
  );
  return pending.length;
}
