import { badInput, isUuid, notFound } from '@grahvani/shared';
import { accountOrigin, recordAudit } from '../../../../audit/record.ts';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { requireViewer } from '../../../../viewer.ts';

export const unlinkOAuthAccount: NonNullable<MutationResolvers['unlinkOAuthAccount']> = async (
  _parent,
  { id },
  ctx,
) => {
  const viewer = await requireViewer(ctx);
  if (!isUuid(id)) throw notFound('OAuth account');
  return ctx.db.$transaction(async (tx) => {
    // Locks the account, so two concurrent unlinks cannot each leave the other as the last way in.
    const [user] = await tx.$queryRaw<{ has_password: boolean }[]>`
      SELECT password_hash IS NOT NULL AS has_password
      FROM app_auth.auth_users WHERE id = ${viewer.id}::uuid FOR UPDATE`;
    const account = await tx.authOAuthAccount.findFirst({ where: { id, userId: viewer.id } });
    if (!account || !user) throw notFound('OAuth account');
    const others = await tx.authOAuthAccount.count({
      where: { userId: viewer.id, id: { not: id } },
    });
    if (!user.has_password && others === 0) {
      throw badInput('Set a password or link another sign-in before unlinking this one', 'id');
    }
    await tx.authOAuthAccount.delete({ where: { id } });
    await recordAudit(tx, accountOrigin(ctx, viewer.id), {
      action: 'OAUTH_UNLINKED',
      targetId: viewer.id,
      before: { oauthAccountId: id, provider: account.provider, subject: account.providerUserId },
    });
    return true;
  });
};
