import { createHash } from 'node:crypto';
import { notFound } from '@grahvani/shared';
import type { MutationResolvers } from '../../../../resolvers-types.generated.ts';
import { idempotent } from '../../../../idempotency.ts';
import { parseClientCsv } from '../../../../imports/csv.ts';
import { assertNoRunningImport, refuseWhileRunning } from '../../../../imports/oneRunningImport.ts';
import { completeImport, importChunk } from '../../../../imports/process.ts';
import { storableSource } from '../../../../imports/source.ts';
import { logActivity } from '../../../../activityLog.ts';
import { validated } from '../../../../validated.ts';
import { inViewerTenant, viewerTenant } from '../../../../tenant.ts';

export const importClients: NonNullable<MutationResolvers['importClients']> = async (
  _parent,
  { csv },
  ctx,
) => {
  const { syncRows } = ctx.imports;
  // Counted before the CSV is read: a refused import costs one upsert, not a 5 MB parse.
  await ctx.rateLimits.limiter.consume(ctx.rateLimits.imports, viewerTenant(ctx));
  // Parsed and hashed before any transaction: a 5 MB file never holds a connection meanwhile.
  // Parsed as stored, so a background import that resumes reads the very same rows.
  const source = storableSource(csv);
  const rows = validated(() => parseClientCsv(source));
  const contentHash = createHash('sha256').update(csv).digest('hex');
  const background = rows.length > syncRows;
  const accept = () =>
    inViewerTenant(ctx, async (tx, tenantId) =>
      idempotent(tx, {
        tenantId,
        key: ctx.idempotencyKey,
        operation: 'importClients',
        body: { contentHash },
        async run() {
          await assertNoRunningImport(tx, tenantId);
          // The source text is kept until the import completes, so that it can be resumed.
          let current = await tx.clientImport.create({
            data: {
              tenantId,
              contentHash,
              idempotencyKey: ctx.idempotencyKey,
              source,
              totalCount: rows.length,
              status: background ? 'PENDING' : 'PROCESSING',
              startedAt: background ? null : new Date(),
            },
          });
          await logActivity(tx, tenantId, null, 'import.started', {
            importId: current.id,
            totalCount: rows.length,
          });
          if (!background) current = await completeImport(tx, await importChunk(tx, current, rows));
          return { result: current, response: { importId: current.id } };
        },
        async replay(response) {
          const id = (response as { importId?: unknown } | null)?.importId;
          const first =
            typeof id === 'string'
              ? await tx.clientImport.findFirst({ where: { id, tenantId } })
              : null;
          if (!first) throw notFound('Import');
          return first;
        },
      }),
    );
  await inViewerTenant(ctx, (tx, tenantId) => refuseWhileRunning(tx, tenantId, ctx.idempotencyKey));
  // A small file is imported now, in one of the process's import slots (waiting for one).
  const result = background ? await accept() : await ctx.imports.inSlot(accept);
  // Started only once the import is committed: a crash before this point leaves a PENDING
  // import that recovery picks up when its heartbeat (none yet) counts as stale.
  if (result.status === 'PENDING') ctx.imports.start(result.tenantId, result.id);
  return result;
};
