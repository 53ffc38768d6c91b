import { forbidden, unauthenticated } from './errors.ts';
import type { Role } from './tokens.ts';

/**
 * The access rules a field may declare with `@access(rule: ...)` in its subgraph's SDL. Each
 * subgraph's SDL repeats this list as `enum AccessRule`; the coverage test checks they agree.
 */
export const ACCESS_RULES = [
  'PUBLIC',
  'AUTHENTICATED',
  'SELF',
  'SELF_OR_ADMIN',
  'SELF_OR_STAFF',
  'TENANT',
  'STAFF',
  'ADMIN',
] as const;
export type AccessRule = (typeof ACCESS_RULES)[number];

export const isAccessRule = (value: unknown): value is AccessRule =>
  (ACCESS_RULES as readonly unknown[]).includes(value);

/** Rules that compare the viewer with the object's owner: the type must say who that is. */
export const SELF_RULES: ReadonlySet<AccessRule> = new Set([
  'SELF',
  'SELF_OR_ADMIN',
  'SELF_OR_STAFF',
]);
export const TENANT_RULES: ReadonlySet<AccessRule> = new Set(['TENANT']);

/**
 * Who is asking, as the rules see it: the verified token's account and role, or (auth only)
 * the account this very request signed in as. A null role grants no staff rights.
 */
export interface Viewer {
  userId: string;
  role: Role | null;
}

const STAFF_ROLES: ReadonlySet<Role | null> = new Set(['ADMIN', 'MODERATOR']);

/**
 * Whether `viewer` may read a field under `rule`, where `ownerId` is the account that owns the
 * parent object (for SELF and TENANT rules). Throws UNAUTHENTICATED without a viewer (except
 * for PUBLIC) and FORBIDDEN when the viewer is not allowed.
 */
export function assertAccess(
  rule: AccessRule,
  viewer: Viewer | null,
  ownerId: () => string | null | undefined,
): void {
  if (rule === 'PUBLIC') return;
  if (!viewer) throw unauthenticated();
  if (allowed(rule, viewer, ownerId)) return;
  throw forbidden('Not allowed to read this field');
}

function allowed(
  rule: AccessRule,
  viewer: Viewer,
  ownerId: () => string | null | undefined,
): boolean {
  const isOwner = () => {
    const owner = ownerId();
    return typeof owner === 'string' && owner === viewer.userId;
  };
  switch (rule) {
    case 'PUBLIC':
    case 'AUTHENTICATED':
      return true;
    case 'SELF':
    case 'TENANT':
      return isOwner();
    case 'SELF_OR_ADMIN':
      return viewer.role === 'ADMIN' || isOwner();
    case 'SELF_OR_STAFF':
      return STAFF_ROLES.has(viewer.role) || isOwner();
    case 'STAFF':
      return STAFF_ROLES.has(viewer.role);
    case 'ADMIN':
      return viewer.role === 'ADMIN';
  }
}
