import { conflict, unauthenticated } from '@grahvani/shared';
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
  if (existing) {
    if (!existing.emailVerified) {
      throw conflict('An account with this email exists; verify its email or sign in to it');
    }
    await db.authOAuthAccount.create({ data: { ...account, userId: existing.id } });
    return existing;
  }
  const now = new Date();
  return db.authUser.create({
    data: {
      email: identity.email,
      name: identity.name?.trim().slice(0, 200) || null,
      role: 'USER',
      status: 'ACTIVE',
      emailVerified: true,
      emailVerifiedAt: now,
      oauthAccounts: { create: account },
    },
  });
}
