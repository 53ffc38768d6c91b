import { isUuid, type Identity } from '@grahvani/shared';
import type { Db } from './db.ts';
import type { User } from './generated/prisma/client.ts';

/**
 * The profile as the API may show it: a DELETED account's profile (deleted_at set when the
 * users subgraph learns of the deletion) is gone from every read, by id, by account and in lists.
 */
export function visibleProfile<T extends Pick<User, 'deletedAt'>>(row: T | null | undefined) {
  return row && !row.deletedAt ? row : null;
}

/**
 * The profiles of these accounts, created on first need: one read per batch whatever its size
 * when every profile exists (the usual case), one insert and one more read when some do not;
 * concurrent first requests create one row (auth_user_id is unique).
 *
 * Only the viewer's verified access token (signed by the auth service) supplies an email and
 * a name: a profile created for the viewer starts with the account's, and its email follows
 * the account's on the viewer's later requests. Anything a request carries (an `_entities`
 * representation above all) only selects a profile; a profile first created for someone else
 * (a reference to an account) starts empty and is completed by its owner's first request.
 */
export async function loadProfiles(
  db: Db,
  authUserIds: readonly string[],
  viewer: Identity | null,
): Promise<(User | null)[]> {
  const valid = authUserIds.filter(isUuid);
  const rows = await db.user.findMany({ where: { authUserId: { in: valid } } });
  const byAuthUserId = new Map(rows.map((row) => [row.authUserId, row]));
  const own = (authUserId: string) => (viewer?.userId === authUserId ? viewer : null);
  const missing = valid.filter((id) => !byAuthUserId.has(id));
  if (missing.length) {
    await db.user.createMany({
      data: missing.map((authUserId) => ({
        authUserId,
        email: own(authUserId)?.email ?? null,
        name: own(authUserId)?.name ?? null,
      })),
      skipDuplicates: true,
    });
    const created = await db.user.findMany({ where: { authUserId: { in: missing } } });
    for (const row of created) byAuthUserId.set(row.authUserId, row);
  }
  // Rare (once per account, or after an email change): the viewer's stale profile is updated.
  const row = viewer && byAuthUserId.get(viewer.userId);
  if (row && viewer.email && row.email !== viewer.email) {
    const updated = await db.user.update({
      where: { id: row.id },
      data: {
        email: viewer.email,
        ...(row.email === null && row.name === null ? { name: viewer.name ?? null } : {}),
      },
    });
    byAuthUserId.set(row.authUserId, updated);
  }
  return authUserIds.map((id) => byAuthUserId.get(id) ?? null);
}
