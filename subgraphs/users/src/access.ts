import { forbidden, notFound, requireIdentity, type Identity } from '@grahvani/shared';
import type { Context } from './context.ts';
import type { User } from './generated/prisma/client.ts';

/**
 * Guards a private field: only the profile's owner and ADMINs read it. Anyone else gets
 * FORBIDDEN (UNAUTHENTICATED without a token), and the field resolves to null.
 */
export function assertOwnerOrAdmin(identity: Identity | null, user: Pick<User, 'authUserId'>) {
  const viewer = requireIdentity(identity);
  if (viewer.userId !== user.authUserId && viewer.role !== 'ADMIN') {
    throw forbidden('Only the user and administrators can read this field');
  }
}

/** The signed-in viewer's own profile, created on first need (UNAUTHENTICATED without a token). */
export async function viewerProfile(ctx: Context): Promise<User> {
  const viewer = requireIdentity(ctx.identity);
  const profile = await ctx.loaders.profileByAuthUserId.load(viewer.userId);
  if (!profile) throw notFound('Profile');
  return profile;
}
