// Background imports survive a crash: a stale import is resumed from its last committed chunk
// (every row lands once) or, when it cannot be, reported as failed; never left running.
import { createLogger } from '@grahvani/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../subgraphs/clients/src/config.ts';
import { withTenant } from '../subgraphs/clients/src/db.ts';
import { parseClientCsv } from '../subgraphs/clients/src/imports/csv.ts';
import { importChunk } from '../subgraphs/clients/src/imports/process.ts';
import { createImportRunner } from '../subgraphs/clients/src/imports/runner.ts';
import { createServer } from '../subgraphs/clients/src/server.ts';
import { startSubgraph, type MintedAccount, type SubgraphUnderTest } from './helpers/services.ts';

const SYNC_ROWS = 5;
const logger = createLogger('import-recovery-test', 'silent');

describe('background imports after a crash', () => {
  let stack: SubgraphUnderTest;

  beforeAll(async () => {
    stack = await startSubgraph('clients');
  });
  afterAll(() => stack?.close());

  const CSV = `name\n${Array.from({ length: 6 }, (_, i) => `Survivor ${i}`).join('\n')}\n`;
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

  /** An import as a worker that died left it: `done` rows committed, heartbeat long gone. */
  async function crashedImport(
    astro: MintedAccount,
    {
      done,
      source = CSV,
      createdAt = minutesAgo(10),
    }: { done: number; source?: string | null; createdAt?: Date },
  ) {
    return withTenant(stack.db.clients, astro.id, async (tx) => {
      let current = await tx.clientImport.create({
        data: {
          tenantId: astro.id,
          contentHash: 'test',
          source,
          totalCount: 6,
          status: 'PROCESSING',
          createdAt,
          startedAt: createdAt,
        },
      });
      if (done > 0) current = await importChunk(tx, current, parseClientCsv(CSV).slice(0, done));
      return tx.clientImport.update({
        where: { id: current.id },
        data: { heartbeatAt: minutesAgo(5) },
      });
    });
  }

  async function state(astro: MintedAccount, id: string) {
    return withTenant(stack.db.clients, astro.id, async (tx) => ({
      import: await tx.clientImport.findUniqueOrThrow({ where: { id } }),
      clients: await tx.client.count({ where: { tenantId: astro.id } }),
    }));
  }

  function runner() {
    return createImportRunner({
      db: stack.db.clients,
      logger,
      syncRows: SYNC_ROWS,
      chunkRows: 2,
      staleSeconds: 60,
    });
  }

  it('resumes from the last committed chunk and lands every row once', async () => {
    const astro = await stack.mintAccount();
    const crashed = await crashedImport(astro, { done: 2 });
    const imports = runner();
    await imports.recover();
    await imports.stop();
    const after = await state(astro, crashed.id);
    expect(after.import).toMatchObject({
      status: 'COMPLETED',
      processedCount: 6,
      successCount: 6,
      failedCount: 0,
      source: null,
    });
    expect(after.clients).toBe(6);
  });

  it('resumes an accepted import whose worker never started', async () => {
    const astro = await stack.mintAccount();
    const pending = await withTenant(stack.db.clients, astro.id, (tx) =>
      tx.clientImport.create({
        data: {
          tenantId: astro.id,
          contentHash: 'test',
          source: CSV,
          totalCount: 6,
          createdAt: minutesAgo(3),
        },
      }),
    );
    const imports = runner();
    await imports.recover();
    await imports.stop();
    expect((await state(astro, pending.id)).import.status).toBe('COMPLETED');
    expect((await state(astro, pending.id)).clients).toBe(6);
  });

  it('fails an interrupted import that is too old to resume or has lost its file', async () => {
    const astro = await stack.mintAccount();
    const old = await crashedImport(astro, { done: 2, createdAt: minutesAgo(2 * 24 * 60) });
    const noSource = await crashedImport(astro, { done: 0, source: null });
    const imports = runner();
    await imports.recover();
    await imports.stop();
    for (const id of [old.id, noSource.id]) {
      const { import: failed } = await state(astro, id);
      expect(failed.status).toBe('FAILED');
      expect(failed.errorMessage).toBeTruthy();
      expect(failed.completedAt).not.toBeNull();
    }
    expect((await state(astro, old.id)).clients).toBe(2);
  });

  it('leaves an import with a fresh heartbeat to its worker', async () => {
    const astro = await stack.mintAccount();
    const busy = await withTenant(stack.db.clients, astro.id, (tx) =>
      tx.clientImport.create({
        data: {
          tenantId: astro.id,
          contentHash: 'test',
          source: CSV,
          totalCount: 6,
          status: 'PROCESSING',
          heartbeatAt: new Date(),
        },
      }),
    );
    const imports = runner();
    await imports.recover();
    await imports.stop();
    expect((await state(astro, busy.id)).import).toMatchObject({
      status: 'PROCESSING',
      processedCount: 0,
    });
  });

  it('is resumed by the clients service when it starts', async () => {
    const astro = await stack.mintAccount();
    const crashed = await crashedImport(astro, { done: 4 });
    const server = await createServer({
      db: stack.db.clients,
      config: loadConfig({ NODE_ENV: 'test', CLIENTS_DATABASE_URL: 'postgres://unused/x' }),
      logger,
    });
    try {
      for (let attempt = 0; attempt < 100; attempt++) {
        if ((await state(astro, crashed.id)).import.status === 'COMPLETED') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await server.close();
    }
    expect(await state(astro, crashed.id)).toMatchObject({
      import: { status: 'COMPLETED' },
      clients: 6,
    });
  });
});
