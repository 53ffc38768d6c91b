import { ownerOf, type AccessPolicy } from '@grahvani/shared';
import type { Context } from './context.ts';
import type { AuthOAuthAccount, AuthSession, AuthUser } from './generated/prisma/client.ts';
import { canSignIn } from './viewer.ts';

/**
 * Who may read what in the auth subgraph, for the `@access` rules of its SDL. The viewer is
 * the account as stored now, not as its token remembers it: a suspension or a role change
 * applies at once, even to an access token issued before it (one cached load per request).
 */
export const accessPolicy: AccessPolicy<Context> = {
  async viewer(ctx) {
    if (ctx.signedIn) return ctx.signedIn;
    if (!ctx.identity) return null;
    const account = await ctx.loaders.authUser.load(ctx.identity.userId);
    return account && canSignIn(account.status) ? { userId: account.id, role: account.role } : null;
  },
  self: {
    AuthUser: ownerOf<AuthUser>((user) => user.id),
    Session: ownerOf<AuthSession>((session) => session.userId),
    OAuthAccount: ownerOf<AuthOAuthAccount>((account) => account.userId),
  },
};
