import { forbidden, unauthenticated } from '@grahvani/shared';
import type { Context } from './context.ts';
import type { AuthUser, UserRole, UserStatus } from './generated/prisma/client.ts';

/** Statuses that may sign in and act; SUSPENDED and DELETED accounts may not. */
const ACTIVE_STATUSES = new Set<UserStatus>(['ACTIVE', 'PENDING_VERIFICATION']);

export const canSignIn = (status: UserStatus) => ACTIVE_STATUSES.has(status);

/**
 * The signed-in account as stored now (not as the token remembers it): a suspension or role
 * change applies even to an access token issued before it.
 */
export async function requireViewer(ctx: Context): Promise<AuthUser> {
  if (!ctx.identity) throw unauthenticated();
  const viewer = await ctx.loaders.authUser.load(ctx.identity.userId);
  if (!viewer || !canSignIn(viewer.status)) throw unauthenticated();
  return viewer;
}

/** The viewer, when its current role is one of `roles`; FORBIDDEN otherwise. */
export async function requireRole(ctx: Context, roles: readonly UserRole[]): Promise<AuthUser> {
  const viewer = await requireViewer(ctx);
  if (!roles.includes(viewer.role)) throw forbidden();
  return viewer;
}
