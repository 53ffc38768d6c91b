/**
 * Retries of transient database failures (seed 000's DatabaseManager, seed 002's withRetry):
 * reads, and whole transactions that failed before their body finished. A write whose commit
 * may have reached the server is never repeated: that is the one failure that is not retried.
 */

/** Prisma and node-postgres codes that mean "the database was briefly unreachable". */
const TRANSIENT_CODES = new Set([
  'P1001', // can't reach database server
  'P1002', // database server timed out
  'P1008', // operations timed out
  'P1017', // server closed the connection
  'P2024', // timed out fetching a connection from the pool
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '53300', // too_many_connections
]);

/** Prisma's driver-adapter error kinds for the same conditions (e.g. inside P2010). */
const TRANSIENT_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);

/** node-postgres errors without a code when the server goes away mid-query. */
const TRANSIENT_MESSAGE = /Connection terminated|terminating connection due to administrator/i;

function isTransientCode(code: unknown): boolean {
  // Class 08: connection exceptions.
  return typeof code === 'string' && (TRANSIENT_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code));
}

/** True for errors worth retrying: the database was briefly unreachable, not a bad query. */
export function isTransientDatabaseError(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 5) return false;
  const { code, cause, meta, message, kind } = err as {
    code?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
    message?: unknown;
    kind?: unknown;
  };
  if (isTransientCode(code)) return true;
  if (typeof kind === 'string' && TRANSIENT_KINDS.has(kind)) return true;
  if (kind === 'postgres' && isTransientCode(code)) return true;
  if (typeof message === 'string' && TRANSIENT_MESSAGE.test(message)) return true;
  return [meta?.driverAdapterError, cause].some(
    (inner) => inner !== undefined && inner !== err && isTransientDatabaseError(inner, depth + 1),
  );
}

export interface RetryOptions {
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** First backoff (default 100 ms); doubles per attempt up to maxDelayMs. */
  baseDelayMs?: number;
  /** Cap of one backoff (default 2 s). */
  maxDelayMs?: number;
  /** Which failures to retry (default: transient database errors). */
  retryIf?: (err: unknown) => boolean;
}

/** Capped exponential backoff with jitter: half the step fixed, half random. */
function backoff(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  const step = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
  return step / 2 + Math.random() * (step / 2);
}

/** The default backoff before retry number `attempt` (0 first): what withRetry waits. */
export function retryDelayMs(attempt: number): number {
  return backoff(Math.max(0, attempt), 100, 2_000);
}

/**
 * Runs `fn`, retrying transient database failures with capped exponential backoff and jitter.
 * Only for work that is safe to repeat: reads, or a transaction that did not commit.
 */
export async function withRetry<T>(
  fn: () => Promise<T>,
  {
    retries = 4,
    baseDelayMs = 100,
    maxDelayMs = 2_000,
    retryIf = isTransientDatabaseError,
  }: RetryOptions = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= retries || !retryIf(err)) throw err;
      await new Promise((resolve) =>
        setTimeout(resolve, backoff(attempt, baseDelayMs, maxDelayMs)),
      );
    }
  }
}

/**
 * Runs a whole transaction, retrying it when a transient failure struck before its body
 * finished (so PostgreSQL rolled it back: repeating it cannot write twice). A failure after the
 * body finished may have hit the COMMIT, whose outcome is unknown: it is not retried.
 *
 *     withTransactionRetry((finished) => db.$transaction(async (tx) => {
 *       const result = await work(tx);
 *       finished();
 *       return result;
 *     }));
 *
 * The body must have no effect outside the database (mail, queues) before `finished()`.
 */
export function withTransactionRetry<T>(
  attempt: (finished: () => void) => Promise<T>,
  options: Omit<RetryOptions, 'retryIf'> = {},
): Promise<T> {
  let bodyFinished = false;
  return withRetry(
    () => {
      bodyFinished = false;
      return attempt(() => {
        bodyFinished = true;
      });
    },
    { ...options, retryIf: (err) => !bodyFinished && isTransientDatabaseError(err) },
  );
}

/** Prisma model operations that only read. */
const READ_OPERATIONS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
]);

/**
 * A Prisma client extension (`client.$extends(retryReads)`) that retries every model read on
 * transient failures. Writes are left alone: their callers retry whole transactions. So are
 * reads inside a transaction: its connection is gone with the failure, so only the whole
 * transaction can be retried (`__internalParams.transaction` is how Prisma's own query
 * engine tells them apart; extensions have no public flag for it).
 */
export const retryReads = {
  name: 'retry-reads',
  query: {
    $allModels: {
      $allOperations({
        operation,
        args,
        query,
        __internalParams: internal,
      }: {
        operation: string;
        args: unknown;
        query: (args: unknown) => Promise<unknown>;
        __internalParams?: { transaction?: unknown };
      }): Promise<unknown> {
        const retry = READ_OPERATIONS.has(operation) && internal?.transaction === undefined;
        return retry ? withRetry(() => query(args)) : query(args);
      },
    },
  },
};
