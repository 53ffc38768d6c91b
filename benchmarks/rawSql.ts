// `npm run bench -- --raw-sql`: what Prisma's query layer costs on the hottest subgraph reads,
// side by side in one process: the users subgraph's `userById` loader read (`findMany` by ids,
// every column of the model) against the same rows through `$queryRaw`, which skips Prisma's
// query compiler and result mapping but keeps its adapter and pool. CPU of this process per
// read (the subgraph's side of it; PostgreSQL's work is the same SQL), alternating rounds.
import { createDb } from '../subgraphs/users/src/db.ts';
import { asOwner, seedAccounts } from '../tests/helpers/clientBook.ts';
import { startBenchDatabase } from './lib/database.ts';
import { fixed, median, table } from './lib/report.ts';

const READS = 2_000;
const ROUNDS = 3;

/** CPU milliseconds of this process per call of `read`, after 200 warm-up calls. */
async function cpuPerRead(read: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await read();
  const started = process.cpuUsage();
  for (let i = 0; i < READS; i++) await read();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / READS;
}

export async function runRawSqlBench(): Promise<string> {
  const { server, owner, databaseUrls } = await startBenchDatabase();
  const db = createDb(databaseUrls.users, { max: 2 });
  try {
    const ids = await asOwner(owner, (pg) => seedAccounts(pg, 20, 'raw-sql'));
    const rows: (string | number)[][] = [];
    for (const count of [1, 20]) {
      const some = ids.slice(0, count);
      const viaPrisma = () => db.user.findMany({ where: { id: { in: some } } });
      const viaRaw = () => db.$queryRaw`
        SELECT id::text, auth_user_id::text AS "authUserId", email, name, bio,
               avatar_url AS "avatarUrl", gender, date_of_birth AS "dateOfBirth",
               follower_count AS "followerCount", following_count AS "followingCount",
               created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt"
          FROM app_users.users WHERE id = ANY(${some}::uuid[])`;
      const prisma: number[] = [];
      const raw: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        prisma.push(await cpuPerRead(viaPrisma));
        raw.push(await cpuPerRead(viaRaw));
      }
      const [p, r] = [median(prisma), median(raw)];
      rows.push([`users by id, ${count} row(s)`, fixed(p, 3), fixed(r, 3), fixed(r / p, 2)]);
    }
    return [
      `CPU ms of the subgraph process per read, median of ${ROUNDS} alternating rounds of ${READS}:`,
      '',
      table(['read', 'Prisma findMany', '$queryRaw', 'raw / Prisma'], rows),
    ].join('\n');
  } finally {
    await db.$disconnect();
    await server.stop();
  }
}
