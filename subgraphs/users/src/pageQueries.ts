import type { CursorPosition } from '@grahvani/shared';
import type { Db } from './db.ts';
import { Prisma, type UserActivityLog } from './generated/prisma/client.ts';
import type { PageFetcher, PageRow } from './pages.ts';

/** A user_followers row seen from one side: `otherId` is the user on the other side. */
export interface FollowPageRow extends PageRow {
  otherId: string;
}

export type ActivityPageRow = PageRow & UserActivityLog;

// Row-value comparison matches the (created_at DESC, id DESC) order and its indexes.
const afterClause = (alias: string, after: CursorPosition | undefined) =>
  after
    ? Prisma.sql`AND (${Prisma.raw(alias)}.created_at, ${Prisma.raw(alias)}.id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
    : Prisma.empty;

/**
 * Pages of followers (rows whose following_id is the parent) or of followed users (rows whose
 * follower_id is the parent). Column names are constants chosen here, never input.
 */
export function followPages(db: Db, side: 'followers' | 'following'): PageFetcher<FollowPageRow> {
  const parent = Prisma.raw(side === 'followers' ? 'following_id' : 'follower_id');
  const other = Prisma.raw(side === 'followers' ? 'follower_id' : 'following_id');
  return (parentIds, first, after) => db.$queryRaw<FollowPageRow[]>`
    SELECT p.id::text AS "parentId", f.id::text AS id, f.created_at AS "createdAt",
           f.other::text AS "otherId"
    FROM unnest(${parentIds}::uuid[]) AS p(id)
    CROSS JOIN LATERAL (
      SELECT uf.id, uf.created_at, uf.${other} AS other
      FROM "app_users"."user_followers" uf
      -- A DELETED account's profile is not listed (the counts leave it out too).
      JOIN "app_users"."users" o ON o.id = uf.${other} AND o.deleted_at IS NULL
      WHERE uf.${parent} = p.id ${afterClause('uf', after)}
      ORDER BY uf.created_at DESC, uf.id DESC
      LIMIT ${first + 1}
    ) f`;
}

/** Pages of users' activity logs, newest first. */
export function activityPages(db: Db): PageFetcher<ActivityPageRow> {
  return (parentIds, first, after) => db.$queryRaw<ActivityPageRow[]>`
    SELECT p.id::text AS "parentId", a.id::text AS id, a.user_id::text AS "userId", a.action,
           a.metadata, a.ip_address AS "ipAddress", a.user_agent AS "userAgent",
           a.created_at AS "createdAt"
    FROM unnest(${parentIds}::uuid[]) AS p(id)
    CROSS JOIN LATERAL (
      SELECT * FROM "app_users"."user_activity_logs" l
      WHERE l.user_id = p.id ${afterClause('l', after)}
      ORDER BY l.created_at DESC, l.id DESC
      LIMIT ${first + 1}
    ) a`;
}
