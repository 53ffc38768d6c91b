import { createPgAdapter, withPool, type PoolOptions } from '@grahvani/shared';
import { PrismaClient } from './generated/prisma/client.ts';

export type Db = PrismaClient;

/** The users service's one PrismaClient, on schema app_users. */
export function createDb(url: string, pool?: PoolOptions): Db {
  const adapter = createPgAdapter(url, 'app_users', pool);
  return withPool(new PrismaClient({ adapter }), adapter);
}
