import { isUuid } from '@grahvani/shared';
import type { Db } from './db.ts';
import type { User } from './generated/prisma/client.ts';

/**
 * The profile as the API may show it: a DELETED account's profile (deleted_at set when the
 * users subgraph learns of the deletion) is gone from every read, by id, by account and in lists.
 */
export function visibleProfile<T extends Pick<User, 'deletedAt'>>(row: T | null | undefined) {
  return row && !row.deletedAt ? row : null;
}

/** What is known of an account when its profile is first needed. */
export interface ProfileSeed {
  authUserId: string;
  email?: string | null;
  name?: string | null;
}

/**
 * The profiles of these accounts, created on first need: one read per batch whatever its size
 * when every profile exists (the usual case), one insert and one more read when some do not;
 * concurrent first requests create one row (auth_user_id is unique). A profile
 * first created from a bare access token (a mutation) has no email or name yet; it gets the
 * account's the first time the gateway passes them (AuthUser.profile), and the email
 * follows later changes of the account's email.
 */
export async function loadProfiles(
  db: Db,
  seeds: readonly ProfileSeed[],
): Promise<(User | null)[]> {
  const valid = seeds.filter((s) => isUuid(s.authUserId));
  const rows = await db.user.findMany({
    where: { authUserId: { in: valid.map((s) => s.authUserId) } },
  });
  const byAuthUserId = new Map(rows.map((row) => [row.authUserId, row]));
  const missing = valid.filter((s) => !byAuthUserId.has(s.authUserId));
  if (missing.length) {
    await db.user.createMany({
      data: missing.map((s) => ({ authUserId: s.authUserId, email: s.email, name: s.name })),
      skipDuplicates: true,
    });
    const created = await db.user.findMany({
      where: { authUserId: { in: missing.map((s) => s.authUserId) } },
    });
    for (const row of created) byAuthUserId.set(row.authUserId, row);
  }
  // Rare (once per account, or after an email change): one update per stale profile.
  for (const seed of valid) {
    const row = byAuthUserId.get(seed.authUserId);
    if (!row || !seed.email || row.email === seed.email) continue;
    const updated = await db.user.update({
      where: { id: row.id },
      data: {
        email: seed.email,
        ...(row.email === null && row.name === null ? { name: seed.name } : {}),
      },
    });
    byAuthUserId.set(row.authUserId, updated);
  }
  return seeds.map((s) => byAuthUserId.get(s.authUserId) ?? null);
}
