import { conflict, unauthenticated } from '@grahvani/shared';
import { accountOrigin, recordAudit, type RequestOrigin } from '../../audit/record.ts';
import type { Db } from '../../db.ts';
import type { AuthUser, OAuthProvider } from '../../generated/prisma/client.ts';
import type { OidcIdentity } from '../../oidc.ts';

/**
 * The account of a verified external identity: the one linked to (provider, subject); else
 * the account with the same email, linked now only when both sides verified that email;
 * else a new account (email verified by the provider, no password).
 */
export async function findOrCreateOAuthUser(
  db: Db,
  provider: OAuthProvider,
  identity: OidcIdentity,
  request: RequestOrigin,
): Promise<AuthUser> {
  const key = { provider, providerUserId: identity.subject };
  const linked = await db.authOAuthAccount.findUnique({
    where: { provider_providerUserId: key },
    include: { user: true },
  });
  if (linked) {
    await db.authOAuthAccount.update({
      where: { id: linked.id },
      data: { email: identity.email, emailVerified: identity.emailVerified },
    });
    return linked.user;
  }
  // Without a verified email we could neither link safely nor claim the address.
  if (!identity.email || !identity.emailVerified) {
    throw unauthenticated('The provider did not confirm an email address');
  }
  const account = { ...key, email: identity.email, emailVerified: true };
  const existing = await db.authUser.findUnique({ where: { email: identity.email } });
  if (existing && !existing.emailVerified) {
    throw conflict('An account with this email exists; verify its email or sign in to it');
  }
  return db.$transaction(async (tx) => {
    const now = new Date();
    const user =
      existing ??
      (await tx.authUser.create({
        data: {
          email: account.email,
          name: identity.name?.trim().slice(0, 200) || null,
          role: 'USER',
          status: 'ACTIVE',
          emailVerified: true,
          emailVerifiedAt: now,
        },
      }));
    const linked = await tx.authOAuthAccount.create({ data: { ...account, userId: user.id } });
    // Linking a sign-in method is a security event whether the account is new or not.
    await recordAudit(tx, accountOrigin(request, user.id), {
      action: 'OAUTH_LINKED',
      targetId: user.id,
      after: { oauthAccountId: linked.id, provider, subject: identity.subject },
    });
    return user;
  });
}
