import { conflict, rateLimited } from '@grahvani/shared';
import { voidInvitationsIn } from '../../../../audit/invitations.ts';
import { accountOrigin, recordAudit } from '../../../../audit/record.ts';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { runInBackground } from '../../../../mail.ts';
import { invitationMail } from '../../../../mailMessages.ts';
import {
  issuedWithinHour,
  issueOneTimeToken,
  lockIssuing,
  MAILS_PER_HOUR,
} from '../../../../oneTimeTokens.ts';
import { normalizeEmail } from '../../../../validation.ts';
import { requireRole } from '../../../../viewer.ts';

export const inviteUser: NonNullable<MutationResolvers['inviteUser']> = async (
  _parent,
  { email, role },
  ctx,
) => {
  const inviter = await requireRole(ctx, ['ADMIN']);
  const address = normalizeEmail(email);
  const existing = await ctx.db.authUser.findUnique({
    where: { email: address },
    select: { id: true },
  });
  if (existing) throw conflict('An account with this email already exists');
  const { invitation, issued } = await ctx.db.$transaction(async (tx) => {
    await lockIssuing(tx, `invitation:${address}`);
    const recent = await tx.authInvitationToken.count({
      where: { email: address, ...issuedWithinHour() },
    });
    if (recent >= MAILS_PER_HOUR) throw rateLimited('Too many invitations to this address', 3600);
    const token = issueOneTimeToken('invitation');
    const origin = accountOrigin(ctx, inviter.id);
    await voidInvitationsIn(tx, { email: address }, origin, 'superseded');
    const row = await tx.authInvitationToken.create({
      data: {
        userId: inviter.id,
        email: address,
        role: role ?? 'USER',
        tokenHash: token.tokenHash,
        expiresAt: token.expiresAt,
      },
    });
    await recordAudit(tx, origin, {
      action: 'INVITATION_SENT',
      targetId: null,
      after: {
        invitationId: row.id,
        email: row.email,
        role: row.role,
        expiresAt: row.expiresAt.toISOString(),
      },
    });
    return { invitation: row, issued: token };
  });
  runInBackground(ctx.logger, () =>
    ctx.flows.mailer.send(
      invitationMail(ctx.flows.config.appUrl, address, issued.token, invitation.role),
    ),
  );
  return invitation;
};
