import { batchedPagesSql, type PageSource } from '@grahvani/shared';
import type { Db } from './db.ts';
import { Prisma, type UserActivityLog } from './generated/prisma/client.ts';

/** A user_followers row seen from one side: `otherId` is the user on the other side. */
export interface FollowPageRow {
  parentId: string;
  id: string;
  createdAt: Date;
  otherId: string;
}

export type ActivityPageRow = UserActivityLog & { parentId: string };

/**
 * Pages of followers (rows whose following_id is the parent) or of followed users (rows whose
 * follower_id is the parent), one statement for every user asked. Column names are constants
 * chosen here, never input.
 */
export function followPages(db: Db, side: 'followers' | 'following'): PageSource<FollowPageRow> {
  const parent = side === 'followers' ? 'following_id' : 'follower_id';
  const other = Prisma.raw(side === 'followers' ? 't.follower_id' : 't.following_id');
  return {
    parentOf: (row) => row.parentId,
    positionOf: (row) => row,
    fetch: async (parentIds, page) => ({
      rows: await db.$queryRaw<FollowPageRow[]>(
        batchedPagesSql(
          {
            // A DELETED account's profile is not listed (the counts leave it out too).
            from: Prisma.sql`"app_users"."user_followers" t
              JOIN "app_users"."users" o ON o.id = ${other} AND o.deleted_at IS NULL`,
            parent,
            position: 'created_at',
            columns: Prisma.sql`t.id::text AS id, t.created_at AS "createdAt", ${other}::text AS "otherId"`,
          },
          parentIds,
          page,
        ),
      ),
    }),
  };
}

/** Pages of users' activity logs, newest first, one statement for every user asked. */
export function activityPages(db: Db): PageSource<ActivityPageRow> {
  return {
    parentOf: (row) => row.parentId,
    positionOf: (row) => row,
    fetch: async (parentIds, page) => ({
      rows: await db.$queryRaw<ActivityPageRow[]>(
        batchedPagesSql(
          {
            from: Prisma.sql`"app_users"."user_activity_logs" t`,
            parent: 'user_id',
            position: 'created_at',
            columns: Prisma.sql`t.id::text AS id, t.user_id::text AS "userId", t.action, t.metadata,
              t.ip_address AS "ipAddress", t.user_agent AS "userAgent", t.created_at AS "createdAt"`,
          },
          parentIds,
          page,
        ),
      ),
    }),
  };
}
