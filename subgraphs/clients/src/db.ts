import { createPgAdapter, withPool, type PoolOptions } from '@grahvani/shared';
import { PrismaClient, type Prisma } from './generated/prisma/client.ts';

export type Db = PrismaClient;
/** A transaction whose tenant is set: every query in it passes row-level security. */
export type Tx = Prisma.TransactionClient;

export interface DbOptions {
  /** Called with every SQL statement the client sends and its JSON parameters (tests count them). */
  onQuery?: (sql: string, params: string) => void;
}

/** The clients service's one PrismaClient, on schema app_clients. */
export function createDb(url: string, pool?: PoolOptions, options: DbOptions = {}): Db {
  const adapter = createPgAdapter(url, 'app_clients', pool);
  const { onQuery } = options;
  if (!onQuery) return withPool(new PrismaClient({ adapter }), adapter);
  const db = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  db.$on('query', (event) => onQuery(event.query, event.params));
  return withPool(db, adapter);
}

/**
 * Runs `fn` in one transaction whose tenant is `tenantId`: the transaction-local setting
 * app.tenant_id that every row-level security policy of app_clients checks. Outside such a
 * transaction the clients role sees no rows at all. Resolvers still filter by tenant
 * themselves; the policies are the second wall.
 */
export function withTenant<T>(db: Db, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
      return fn(tx);
    },
    // Fifty concurrent writers share a pool of ten: wait for a connection rather than fail.
    { maxWait: 15_000, timeout: 30_000 },
  );
}
