import { createPgAdapter, type PoolOptions } from '@grahvani/shared';
import { PrismaClient } from './generated/prisma/client.ts';

export type Db = PrismaClient;

/** The clients service's one PrismaClient, on schema app_clients. */
export function createDb(url: string, pool?: PoolOptions): Db {
  return new PrismaClient({ adapter: createPgAdapter(url, 'app_clients', pool) });
}
