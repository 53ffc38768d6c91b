import { isTransientDatabaseError, retryDelayMs, setLocalSql } from '@grahvani/shared';
import type { Db, Tx } from './db.ts';

/**
 * Runs a read under a tenant (row-level security), in the transaction the request's other
 * reads of that tenant share. `read` must only read: after a transient failure it runs again.
 */
export type TenantReads = <T>(tenantId: string, read: (tx: Tx) => Promise<T>) => Promise<T>;

interface Job {
  read: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
  /** Transient failures so far. */
  failures: number;
}

/** Transient failures after which a read gives up (as withRetry does). */
const MAX_FAILURES = 4;

/**
 * The reads of one request, in as few tenant transactions as the request allows (most
 * requests: one). A transaction opens on the first read of a tenant (BEGIN and the tenant
 * setting in one round trip, see `setLocalSql`); the reads asked while it is open run in it, one
 * after the other, on its one connection; it commits as soon as no read is waiting by the time
 * the event loop turns (the resolvers the last result woke have run by then, and asked for
 * their own reads). So it ends by itself, whatever becomes of the HTTP request, and holds its
 * connection only while the request is reading.
 *
 * Versus a transaction per loader batch (mutations keep theirs): one BEGIN/set_config/COMMIT
 * per request instead of one per batch, and one pooled connection per request instead of one
 * per loader running at the same time.
 *
 * One read at a time: after a failed statement PostgreSQL refuses the rest of the transaction,
 * and Prisma answers reads issued alongside one that failed with null (seen with Prisma 7.10),
 * so reads never overlap. A failing read gets its own error, the transaction rolls back, and
 * the reads still waiting run in a new one. Transient failures (connection lost, pool
 * exhausted) are retried with backoff, as withTenant does. Reads must not nest.
 */
export function createTenantReads(db: Db): TenantReads {
  const sessions = new Map<string, <T>(read: (tx: Tx) => Promise<T>) => Promise<T>>();
  return (tenantId, read) => {
    let session = sessions.get(tenantId);
    if (!session) {
      session = createSession(db, tenantId);
      sessions.set(tenantId, session);
    }
    return session(read);
  };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function createSession(db: Db, tenantId: string) {
  const queue: Job[] = [];
  /** True while a transaction is open (or opening) and will take the queued reads. */
  let taking = false;

  /** Gives a transient failure of `job` another try, or rejects it; true if it is queued. */
  function retry(job: Job, err: unknown): boolean {
    if (isTransientDatabaseError(err) && ++job.failures <= MAX_FAILURES) return true;
    job.reject(err);
    return false;
  }

  function open(delayMs: number): void {
    taking = true;
    let opened = false;
    let retryDelay = 0;
    const body = async (tx: Tx) => {
      // Without parameters: sent with the BEGIN in one round trip (see setLocalSql).
      await tx.$executeRawUnsafe(setLocalSql('app.tenant_id', tenantId));
      opened = true;
      for (;;) {
        const job = queue.shift();
        if (!job) {
          await nextTurn();
          if (queue.length) continue;
          taking = false; // reads asked from now on open a new transaction
          return;
        }
        try {
          job.resolve(await job.read(tx));
        } catch (err) {
          taking = false;
          if (retry(job, err)) {
            queue.unshift(job);
            retryDelay = retryDelayMs(job.failures - 1);
          }
          throw err; // rolls back
        }
      }
    };
    const begin = () => db.$transaction(body, { maxWait: 15_000 });
    (delayMs ? nextDelay(delayMs).then(begin) : begin())
      .catch((err: unknown) => {
        taking = false;
        // A read failed (it has its error), or the COMMIT did (every read has its result).
        if (opened) return;
        // The transaction did not open: the reads waiting for it share the failure.
        const waiting = queue.splice(0);
        for (const job of waiting) if (retry(job, err)) queue.push(job);
        retryDelay = retryDelayMs(Math.max(0, ...queue.map((job) => job.failures)) - 1);
      })
      .finally(() => {
        if (queue.length && !taking) open(retryDelay);
      });
  }

  return <T>(read: (tx: Tx) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ read, resolve: resolve as (value: unknown) => void, reject, failures: 0 });
      if (!taking) open(0);
    });
}

const nextDelay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
