import { conflict } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { runInBackground } from '../../../../mail.ts';
import { invitationMail } from '../../../../mailMessages.ts';
import { issueOneTimeToken } from '../../../../oneTimeTokens.ts';
import { normalizeEmail } from '../../../../validation.ts';
import { requireRole } from '../../../admin/actor.ts';

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
  const issued = issueOneTimeToken('invitation');
  const [, invitation] = await ctx.db.$transaction([
    ctx.db.authInvitationToken.deleteMany({ where: { email: address, used: false } }),
    ctx.db.authInvitationToken.create({
      data: {
        userId: inviter.id,
        email: address,
        role: role ?? 'USER',
        tokenHash: issued.tokenHash,
        expiresAt: issued.expiresAt,
      },
    }),
  ]);
  runInBackground(ctx.logger, () =>
    ctx.flows.mailer.send(
      invitationMail(ctx.flows.config.appUrl, address, issued.token, invitation.role),
    ),
  );
  return invitation;
};
