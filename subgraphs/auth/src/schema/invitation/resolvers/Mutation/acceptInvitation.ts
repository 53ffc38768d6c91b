import { badInput, conflict } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { consumeArgs, isConsumable } from '../../../../oneTimeTokens.ts';
import { hashPassword, validatePassword } from '../../../../passwords.ts';
import { signIn } from '../../../../sessions.ts';
import { hashToken } from '../../../../tokens.ts';
import { normalizeName } from '../../../../validation.ts';
import { inviterMayGrant } from '../../inviterAuthority.ts';

const invalidToken = () => badInput('Invalid or expired invitation', 'token');

export const acceptInvitation: NonNullable<MutationResolvers['acceptInvitation']> = async (
  _parent,
  { input },
  ctx,
) => {
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
    return created;
  });
  return signIn(ctx.db, ctx, user, ctx.config.sessionTtlDays);
};
