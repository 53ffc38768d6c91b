import {
  createPgAdapter,
  retryReads,
  setLocalSql,
  transactionOptions,
  withPool,
  withTransactionRetry,
  type PoolOptions,
} from '@grahvani/shared';
import { PrismaClient, type Prisma } from './generated/prisma/client.ts';

export type Db = PrismaClient;
/** A transaction whose tenant is set: every query in it passes row-level security. */
export type Tx = Prisma.TransactionClient;

export interface DbOptions {
  /** Called with every SQL statement the client sends and its JSON parameters (tests count them). */
  onQuery?: (sql: string, params: string) => void;
}

/**
 * The clients service's one PrismaClient, on schema app_clients. Reads outside withTenant are
 * retried on transient failures; withTenant retries whole transactions.
 */
export function createDb(url: string, pool?: PoolOptions, options: DbOptions = {}): Db {
  const adapter = createPgAdapter(url, 'app_clients', pool);
  const { onQuery } = options;
  const base = { adapter, transactionOptions: transactionOptions(pool) };
  if (!onQuery)
    return withPool(new PrismaClient(base).$extends(retryReads) as unknown as Db, adapter);
  const db = new PrismaClient({ ...base, log: [{ emit: 'event', level: 'query' }] });
  db.$on('query', (event) => onQuery(event.query, event.params));
  // A query-only extension: the client's shape and types are unchanged.
  return withPool(db.$extends(retryReads) as unknown as Db, adapter);
}

/**
 * Runs `fn` in one transaction whose tenant is `tenantId`: the transaction-local setting
 * app.tenant_id that every row-level security policy of app_clients checks. Outside such a
 * transaction the clients role sees no rows at all. Resolvers still filter by tenant
 * themselves; the policies are the second wall.
 *
 * A transient database failure before `fn` finished rolls the whole transaction back, and it
 * is run again (so `fn` must only touch the database); after `fn` finished, the COMMIT may have
 * happened and the error is passed on: a write is never repeated half-way.
 */
export function withTenant<T>(db: Db, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withTransactionRetry((finished) =>
    db.$transaction(
      async (tx) => {
        // Without parameters: sent with the BEGIN in one round trip (see setLocalSql).
        await tx.$executeRawUnsafe(setLocalSql('app.tenant_id', tenantId));
        const result = await fn(tx);
        finished();
        return result;
      },
      // Fifty concurrent writers share a pool of ten: wait for a connection rather than fail.
      // The timeout is the client's (DB_TRANSACTION_TIMEOUT_MS).
      { maxWait: 15_000 },
    ),
  );
}
