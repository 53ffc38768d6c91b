import { notFound, requireIdentity } from '@grahvani/shared';
import type { Context } from './context.ts';
import type { User } from './generated/prisma/client.ts';

/** The signed-in viewer's own profile, created on first need (UNAUTHENTICATED without a token). */
export async function viewerProfile(ctx: Context): Promise<User> {
  const viewer = requireIdentity(ctx.identity);
  const profile = await ctx.loaders.profileByAuthUserId.load(viewer.userId);
  if (!profile) throw notFound('Profile');
  return profile;
}
