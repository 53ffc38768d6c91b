import { badInput, conflict } from '@grahvani/shared';
import { accountOrigin, recordAudit } from '../../../../audit/record.ts';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { limitFailedAttempts } from '../../../../rateLimits.ts';
import { consumeArgs, isConsumable } from '../../../../oneTimeTokens.ts';
import { hashPassword, validatePassword } from '../../../../passwords.ts';
import { signIn } from '../../../../sessions.ts';
import { hashToken } from '../../../../tokens.ts';
import { normalizeName } from '../../../../validation.ts';
import { inviterMayGrant } from '../../inviterAuthority.ts';

const invalidToken = () => badInput('Invalid or expired invitation', 'token');

export const acceptInvitation: NonNullable<MutationResolvers['acceptInvitation']> = (
  _parent,
  { input },
  ctx,
) =>
  // Guessing mailed secrets: failed attempts per address are limited.
  limitFailedAttempts(ctx, 'acceptInvitation', async () => {
    validatePassword(input.password);
    const name = normalizeName(input.name);
    const now = new Date();
    const invitation = await ctx.db.authInvitationToken.findUnique({
      where: { tokenHash: hashToken(input.token) },
    });
    if (!isConsumable(invitation, now)) throw invalidToken();
    const passwordHash = await hashPassword(input.password);
    const user = await ctx.db.$transaction(async (tx) => {
      const consumed = await tx.authInvitationToken.updateMany(consumeArgs(invitation.id, now));
      if (consumed.count !== 1) throw invalidToken();
      // The invitation speaks for its inviter: it is void once they may no longer grant the role.
      if (!(await inviterMayGrant(tx, invitation.userId))) throw invalidToken();
      const taken = await tx.authUser.findUnique({ where: { email: invitation.email } });
      if (taken) throw conflict('An account with this email already exists');
      // The mailed token proves control of the address: the account starts verified.
      const created = await tx.authUser.create({
        data: {
          email: invitation.email,
          name,
          passwordHash,
          role: invitation.role,
          status: 'ACTIVE',
          emailVerified: true,
          emailVerifiedAt: now,
          lastLoginAt: now,
        },
      });
      await tx.authInvitationToken.update({
        where: { id: invitation.id },
        data: { acceptedUserId: created.id },
      });
      await recordAudit(tx, accountOrigin(ctx, created.id), {
        action: 'INVITATION_ACCEPTED',
        targetId: created.id,
        before: { invitationId: invitation.id, used: false },
        after: {
          invitationId: invitation.id,
          used: true,
          role: created.role,
          status: created.status,
        },
      });
      return created;
    });
    return signIn(ctx.db, ctx, user, ctx.config.sessionTtlDays);
  });
