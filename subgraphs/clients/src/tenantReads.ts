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
  /** Runs that failed because of the database or another read of its transaction. */
  failures: number;
}

/** One transaction of a session: open while its reads keep coming. */
interface Transaction {
  tx: Tx | null;
  running: number;
  /** The first read that failed: the transaction stops taking reads and rolls back. */
  failure?: unknown;
  transient: boolean;
  /** Ends the transaction's body: commit, or roll back after a failure. */
  settled: () => void;
}

/** Runs after a transient failure or after a sibling read aborted the transaction. */
const MAX_FAILURES = 4;

/**
 * The reads of one request, in as few tenant transactions as the request allows (most
 * requests: one). A transaction opens on the first read of a tenant (BEGIN and the tenant
 * setting in one round trip, see `setLocalSql`); the reads that arrive while it is open run in
 * it, on its one connection, as they come; it commits as soon as no read is running and none
 * was asked for by the time the event loop turns (the resolvers the results woke have run by
 * then, and queued their own reads). So it ends by itself, whatever becomes of the HTTP
 * request, and holds its connection only while the request is reading.
 *
 * Versus a transaction per loader (as mutations still have): one BEGIN/set_config/COMMIT per
 * request instead of one per loader batch, and one pooled connection per request instead of
 * one per loader running at the same time.
 *
 * A failing read gets its own error; the transaction then rolls back and the reads that failed
 * with it (PostgreSQL refuses every statement after an error) run again in a new one. Transient
 * failures (connection lost, pool exhausted) are retried with backoff, as withTenant does.
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

function createSession(db: Db, tenantId: string) {
  /** Reads waiting for a transaction to open. */
  let waiting: Job[] = [];
  /** The transaction taking reads now, or opening. */
  let current: Transaction | null = null;

  function start(txn: Transaction, job: Job, tx: Tx): void {
    txn.running++;
    Promise.resolve()
      .then(() => job.read(tx))
      .then(job.resolve, (err: unknown) => {
        const first = txn.failure === undefined;
        if (first) {
          txn.failure = err;
          txn.transient = isTransientDatabaseError(err);
          if (current === txn) current = null;
        }
        // The first error is the read's own; the ones after it are (most likely) PostgreSQL
        // refusing statements in the aborted transaction: those reads run again.
        const again = (!first || txn.transient) && ++job.failures <= MAX_FAILURES;
        if (!again) job.reject(err);
        else submit(job, txn.transient ? retryDelayMs(job.failures - 1) : 0);
      })
      .finally(() => {
        txn.running--;
        if (txn.running === 0) settleWhenIdle(txn);
      });
  }

  /** Ends the transaction once nothing ran or arrived for a turn of the event loop. */
  function settleWhenIdle(txn: Transaction): void {
    if (txn.failure !== undefined) return txn.settled();
    setImmediate(() => {
      if (txn.running > 0) return;
      if (current === txn) current = null;
      txn.settled();
    });
  }

  /** Runs `job` in the open transaction, or in the next one (opened after `delayMs`). */
  function submit(job: Job, delayMs: number): void {
    if (current?.tx) return start(current, job, current.tx);
    waiting.push(job);
    if (!current) open(delayMs);
  }

  function open(delayMs: number): void {
    const txn: Transaction = { tx: null, running: 0, transient: false, settled: () => {} };
    current = txn;
    const body = async (tx: Tx) => {
      // Without parameters: sent with the BEGIN in one round trip (see setLocalSql).
      await tx.$executeRawUnsafe(setLocalSql('app.tenant_id', tenantId));
      const settled = new Promise<void>((resolve) => (txn.settled = resolve));
      txn.tx = tx;
      const jobs = waiting;
      waiting = [];
      for (const job of jobs) start(txn, job, tx);
      if (txn.running === 0) settleWhenIdle(txn);
      await settled;
      // Roll back: later statements of an aborted transaction fail, and so would its COMMIT.
      if (txn.failure !== undefined) throw txn.failure;
    };
    const begin = () => db.$transaction(body, { maxWait: 15_000 });
    (delayMs ? new Promise((resolve) => setTimeout(resolve, delayMs)).then(begin) : begin())
      .catch((err: unknown) => {
        if (txn.tx) return; // a read failed (its own error went to it), or the COMMIT did
        // The transaction did not open: the reads waiting for it share the failure.
        if (current === txn) current = null;
        const retry = isTransientDatabaseError(err);
        const jobs = waiting;
        waiting = [];
        const again = jobs.filter((job) => retry && ++job.failures <= MAX_FAILURES);
        for (const job of jobs) if (!again.includes(job)) job.reject(err);
        const failures = Math.max(0, ...again.map((job) => job.failures));
        for (const job of again) submit(job, retryDelayMs(failures - 1));
      })
      .finally(() => {
        if (current === txn) current = null;
      });
  }

  return <T>(read: (tx: Tx) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const job: Job = {
        read,
        resolve: resolve as (value: unknown) => void,
        reject,
        failures: 0,
      };
      submit(job, 0);
    });
}
