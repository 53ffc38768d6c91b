import type { Logger } from '@grahvani/shared';
import pLimit from 'p-limit';
import { withTenant, type Db, type Tx } from '../db.ts';
import type { ClientImport, Prisma } from '../generated/prisma/client.ts';
import { parseClientCsv } from './csv.ts';
import { completeImport, importChunk, LostClaimError } from './process.ts';

/** An interrupted import older than this is reported as failed rather than resumed. */
const MAX_RESUME_AGE_MS = 24 * 60 * 60 * 1000;

export interface ImportRunnerOptions {
  db: Db;
  logger: Logger;
  /** Imports with more rows than this run in the background. */
  syncRows: number;
  /** Rows per background transaction. */
  chunkRows: number;
  /** Seconds without a heartbeat after which an import counts as interrupted. */
  staleSeconds: number;
  /** Imports processed at once by this process (default 2); more wait in line, oldest first. */
  maxConcurrent?: number;
}

/** Background CSV imports of one process; all their state lives in client_imports. */
export interface ImportRunner {
  readonly syncRows: number;
  /** Imports this process is running now. */
  readonly running: number;
  /** Processes a just-accepted (PENDING) import in the background, when a slot is free. */
  start(tenantId: string, importId: string): void;
  /** Runs an immediate (small) import in one of the same slots, waiting for one if need be. */
  inSlot<T>(fn: () => Promise<T>): Promise<T>;
  /** Resumes interrupted imports (stale heartbeat) or fails those too old to resume; settles when they are done. */
  recover(): Promise<void>;
  /** Stops picking up work and waits for running imports to reach a chunk boundary. */
  stop(): Promise<void>;
}

type Claim = { kind: 'fresh' } | { kind: 'stale'; before: Date };

function claimWhere(id: string, tenantId: string, claim: Claim): Prisma.ClientImportWhereInput {
  if (claim.kind === 'fresh') return { id, tenantId, status: 'PENDING' };
  return {
    id,
    tenantId,
    status: { in: ['PENDING', 'PROCESSING'] },
    OR: [
      { heartbeatAt: null, createdAt: { lt: claim.before } },
      { heartbeatAt: { lt: claim.before } },
    ],
  };
}

/** Takes an import for this worker; null when another worker has it (or it is finished). */
async function claimImport(tx: Tx, id: string, tenantId: string, claim: Claim) {
  const now = new Date();
  const { count } = await tx.clientImport.updateMany({
    where: claimWhere(id, tenantId, claim),
    data: { status: 'PROCESSING', heartbeatAt: now },
  });
  if (count !== 1) return null;
  const current = await tx.clientImport.findUniqueOrThrow({ where: { id } });
  if (current.startedAt) return current;
  return tx.clientImport.update({ where: { id }, data: { startedAt: now } });
}

/**
 * Creates the runner. Every chunk is one transaction that advances processed_count and sends a
 * heartbeat; a crash loses no committed row, and recover() (at start and periodically, on any
 * replica) resumes where the last commit left off.
 */
export function createImportRunner(options: ImportRunnerOptions): ImportRunner {
  const { db, logger, chunkRows } = options;
  const running = new Set<Promise<void>>();
  // One queue for every import of this process: a burst of imports, from one tenant or many,
  // holds at most this many pool connections; the rest wait (background ones stay PENDING).
  const slots = pLimit(options.maxConcurrent ?? 2);
  let stopping = false;

  async function fail(
    tenantId: string,
    id: string,
    where: Prisma.ClientImportWhereInput,
    message: string,
  ) {
    await withTenant(db, tenantId, (tx) =>
      tx.clientImport.updateMany({
        where: { ...where, id, tenantId, status: { in: ['PENDING', 'PROCESSING'] } },
        data: { status: 'FAILED', errorMessage: message, completedAt: new Date(), source: null },
      }),
    );
  }

  async function process(tenantId: string, id: string, claim: Claim) {
    let current: ClientImport | null = await withTenant(db, tenantId, (tx) =>
      claimImport(tx, id, tenantId, claim),
    );
    if (!current) return;
    if (claim.kind === 'stale' && Date.now() - current.createdAt.getTime() > MAX_RESUME_AGE_MS) {
      await fail(tenantId, id, {}, 'The import was interrupted and is too old to resume');
      return;
    }
    if (current.source === null) {
      await fail(tenantId, id, {}, 'The import was interrupted and its file is gone');
      return;
    }
    const rows = parseClientCsv(current.source);
    while (current.processedCount < rows.length) {
      // Stopping leaves the import PROCESSING; its heartbeat goes stale and recover() resumes it.
      if (stopping) return;
      const from: ClientImport = current;
      const chunk = rows.slice(from.processedCount, from.processedCount + chunkRows);
      current = await withTenant(db, tenantId, (tx) => importChunk(tx, from, chunk));
    }
    const last = current;
    await withTenant(db, tenantId, (tx) => completeImport(tx, last));
  }

  function launch(tenantId: string, id: string, claim: Claim): Promise<void> {
    if (stopping) return Promise.resolve();
    // Waiting in line leaves the import PENDING; stopping drops the wait (recovery resumes it).
    const task: Promise<void> = slots(async () => {
      if (!stopping) await process(tenantId, id, claim);
    })
      .catch(async (err: unknown) => {
        if (err instanceof LostClaimError) return;
        logger.error({ err, importId: id }, 'client import failed');
        await fail(tenantId, id, {}, 'The import stopped unexpectedly').catch((failErr: unknown) =>
          logger.error({ err: failErr, importId: id }, 'could not mark the import as failed'),
        );
      })
      .finally(() => running.delete(task));
    running.add(task);
    return task;
  }

  async function recover() {
    if (stopping) return;
    const before = new Date(Date.now() - options.staleSeconds * 1000);
    // The one cross-tenant read (a SECURITY DEFINER function): ids only, then each import is
    // handled under its own tenant.
    const stale = await db.$queryRaw<{ id: string; tenant_id: string }[]>`
      SELECT id::text AS id, tenant_id::text AS tenant_id
        FROM app_clients.stale_client_imports(${before}::timestamptz)`;
    await Promise.all(
      stale.map(({ id, tenant_id: tenantId }) => {
        logger.warn({ importId: id }, 'resuming an interrupted client import');
        return launch(tenantId, id, { kind: 'stale', before });
      }),
    );
  }

  const timer = setInterval(
    () => void recover().catch((err: unknown) => logger.error({ err }, 'import recovery failed')),
    Math.max(1_000, (options.staleSeconds * 1000) / 2),
  );
  timer.unref();

  return {
    syncRows: options.syncRows,
    get running() {
      return running.size;
    },
    start: (tenantId, id) => void launch(tenantId, id, { kind: 'fresh' }),
    inSlot: (fn) => slots(fn),
    recover,
    async stop() {
      stopping = true;
      clearInterval(timer);
      await Promise.allSettled([...running]);
    },
  };
}
