import {
  createPgAdapter,
  retryReads,
  withPool,
  transactionOptions,
  type PoolOptions,
} from '@grahvani/shared';
import { PrismaClient } from './generated/prisma/client.ts';

export type Db = PrismaClient;

/** The auth service's one PrismaClient (reads retried on transient failures), on schema app_auth. */
export function createDb(url: string, pool?: PoolOptions): Db {
  const adapter = createPgAdapter(url, 'app_auth', pool);
  const client = new PrismaClient({ adapter, transactionOptions: transactionOptions(pool) });
  // A query-only extension: the client's shape and types are unchanged.
  return withPool(client.$extends(retryReads) as unknown as Db, adapter);
}
