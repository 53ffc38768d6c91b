import { createPgAdapter, withPool, type PoolOptions } from '@grahvani/shared';
import { PrismaClient } from './generated/prisma/client.ts';

export type Db = PrismaClient;

/** The auth service's one PrismaClient, on schema app_auth. */
export function createDb(url: string, pool?: PoolOptions): Db {
  const adapter = createPgAdapter(url, 'app_auth', pool);
  return withPool(new PrismaClient({ adapter }), adapter);
}
