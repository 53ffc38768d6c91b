import { logActivity } from '../activityLog.ts';
import type { Tx } from '../db.ts';
import type { ClientImport, Prisma } from '../generated/prisma/client.ts';
import type { CsvRow } from './csv.ts';
import { checkRow } from './rows.ts';

/** Another worker took over this import (it counted ours as stale): stop without touching it. */
export class LostClaimError extends Error {}

export interface ImportError {
  row: number;
  message: string;
}

/** Reads the errors JSON column back. */
export function importErrors(value: Prisma.JsonValue): ImportError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
      const { row, message } = entry;
      if (typeof row === 'number' && typeof message === 'string') return [{ row, message }];
    }
    return [];
  });
}

/**
 * Imports the next rows of an import in the caller's transaction and advances its counts.
 * Committing the transaction acknowledges exactly these rows: after a crash the import resumes
 * at processed_count, and rows a lost chunk had inserted cannot be inserted twice (the
 * (tenant_id, import_key) unique key). The processed_count guard makes a second worker that
 * raced for the same import fail instead of double-counting.
 */
export async function importChunk(
  tx: Tx,
  current: ClientImport,
  rows: readonly CsvRow[],
): Promise<ClientImport> {
  const { tenantId } = current;
  const checked = rows.map(checkRow);
  const valid = checked.flatMap((r) => (r.ok ? [r] : []));
  const failed = checked.flatMap((r) => (r.ok ? [] : [{ row: r.row, message: r.message }]));
  const created = valid.length
    ? await tx.client.createManyAndReturn({
        data: valid.map((r) => ({
          ...r.data,
          tenantId,
          importKey: r.importKey,
          importId: current.id,
        })),
        skipDuplicates: true,
        select: { id: true, importKey: true },
      })
    : [];
  const rowOfKey = new Map(valid.map((r) => [r.importKey, r.row]));
  if (created.length) {
    await tx.clientActivityLog.createMany({
      data: created.map((c) => ({
        tenantId,
        clientId: c.id,
        action: 'client.imported',
        metadata: { importId: current.id, row: rowOfKey.get(c.importKey ?? '') ?? null },
      })),
    });
  }
  const { count } = await tx.clientImport.updateMany({
    where: { id: current.id, tenantId, processedCount: current.processedCount },
    data: {
      processedCount: current.processedCount + rows.length,
      successCount: current.successCount + created.length,
      // Valid rows whose import key was already taken (skipDuplicates inserted nothing for them).
      duplicateCount: current.duplicateCount + valid.length - created.length,
      failedCount: current.failedCount + failed.length,
      errors: [...importErrors(current.errors), ...failed].map((e) => ({ ...e })),
      heartbeatAt: new Date(),
    },
  });
  if (count !== 1) throw new LostClaimError(`import ${current.id} was advanced by another worker`);
  return tx.clientImport.findUniqueOrThrow({ where: { id: current.id } });
}

/** Marks an import COMPLETED and drops its source text (no longer needed to resume). */
export async function completeImport(tx: Tx, current: ClientImport): Promise<ClientImport> {
  const done = await tx.clientImport.update({
    where: { id: current.id, tenantId: current.tenantId },
    data: { status: 'COMPLETED', completedAt: new Date(), source: null, heartbeatAt: new Date() },
  });
  await logActivity(tx, current.tenantId, null, 'import.completed', {
    importId: current.id,
    successCount: done.successCount,
    duplicateCount: done.duplicateCount,
    failedCount: done.failedCount,
  });
  return done;
}
