// Import fairness: a tenant runs one CSV import at a time (a second is refused with CONFLICT,
// extensions.importId naming the running one); a process runs at most
// CLIENT_IMPORT_MAX_CONCURRENT imports at once, background and immediate alike (the others wait
// their turn), so one tenant cannot starve the others' connection pool; and the CSV is parsed
// before any database transaction begins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../subgraphs/clients/src/db.ts';
import { op } from './fixtures/clients.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startSubgraph, type MintedAccount, type SubgraphUnderTest } from './helpers/services.ts';

interface Import {
  id: string;
  status: string;
}

const csvOf = (prefix: string, rows: number) =>
  `name\n${Array.from({ length: rows }, (_, i) => `${prefix} ${i}`).join('\n')}\n`;

describe('import fairness', () => {
  let stack: SubgraphUnderTest;
  const clientsSql: { at: number; sql: string }[] = [];

  beforeAll(async () => {
    stack = await startSubgraph('clients', {
      env: {
        CLIENT_IMPORT_SYNC_ROWS: '5',
        CLIENT_IMPORT_CHUNK_ROWS: '2',
        CLIENT_IMPORT_MAX_CONCURRENT: '1',
      },
      onQuery: (service, sql) => {
        if (service === 'clients') clientsSql.push({ at: Date.now(), sql });
      },
    });
  });
  afterAll(() => stack?.close());

  const importCsv = (astro: MintedAccount, csv: string) =>
    stack.gql<{ importClients: Import }>(
      op('ImportClients'),
      { csv },
      { token: astro.accessToken },
    );
  const row = (astro: MintedAccount, id: string) =>
    withTenant(stack.db.clients, astro.id, (tx) =>
      tx.clientImport.findUniqueOrThrow({ where: { id } }),
    );
  async function completed(astro: MintedAccount, id: string) {
    await expect
      .poll(async () => (await row(astro, id)).status, { timeout: 30_000, interval: 50 })
      .toBe('COMPLETED');
    return row(astro, id);
  }

  it('refuses a second import of a tenant while one is pending, naming it; others go on', async () => {
    const [astro, other] = await Promise.all([stack.mintAccount(), stack.mintAccount()]);
    // An accepted import whose worker has not started yet (PENDING, fresh).
    const waiting = await withTenant(stack.db.clients, astro.id, (tx) =>
      tx.clientImport.create({
        data: { tenantId: astro.id, contentHash: 'x', source: csvOf('W', 1), totalCount: 1 },
      }),
    );
    const refused = await importCsv(astro, csvOf('Second', 2));
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors?.[0]?.extensions?.importId).toBe(waiting.id);
    expect((await importCsv(other, csvOf('Other', 2))).data?.importClients.status).toBe(
      'COMPLETED',
    );
    await withTenant(stack.db.clients, astro.id, (tx) =>
      tx.clientImport.update({ where: { id: waiting.id }, data: { status: 'COMPLETED' } }),
    );
    expect((await importCsv(astro, csvOf('Third', 2))).data?.importClients.status).toBe(
      'COMPLETED',
    );
  });

  it('refuses a second import while a background import of the tenant runs', async () => {
    const astro = await stack.mintAccount();
    const bulk = csvOf('Bulk', 120);
    const headers = { 'Idempotency-Key': `bulk-${astro.id}` };
    const importWithKey = () =>
      stack.gql<{ importClients: Import }>(
        op('ImportClients'),
        { csv: bulk },
        { token: astro.accessToken, headers },
      );
    const first = await importWithKey();
    expect(first.data?.importClients.status).toBe('PENDING');
    const firstId = first.data!.importClients.id;
    const second = await importCsv(astro, csvOf('Small', 2));
    expect(errorCodes(second)).toEqual(['CONFLICT']);
    expect(second.errors?.[0]?.extensions?.importId).toBe(firstId);
    // A retry of the running import itself (same key) is answered with it, not refused.
    const retry = await importWithKey();
    expect(retry.errors).toBeUndefined();
    expect(retry.data?.importClients.id).toBe(firstId);
    await completed(astro, firstId);
    expect((await importCsv(astro, csvOf('After', 2))).errors).toBeUndefined();
  });

  it('runs at most CLIENT_IMPORT_MAX_CONCURRENT imports at once, the others wait their turn', async () => {
    const astros = await Promise.all(Array.from({ length: 4 }, () => stack.mintAccount()));
    const [a, b, c, d] = astros as [MintedAccount, MintedAccount, MintedAccount, MintedAccount];
    const background = await Promise.all(
      [a, b, c].map((astro, i) => importCsv(astro, csvOf(`Queue${i}`, 12))),
    );
    for (const res of background) expect(res.data?.importClients.status).toBe('PENDING');
    // A small file waits for a slot too, then completes in its request.
    const immediate = await importCsv(d, csvOf('Now', 3));
    expect(immediate.data?.importClients.status).toBe('COMPLETED');
    const rows = [
      ...(await Promise.all(
        [a, b, c].map((astro, i) => completed(astro, background[i]!.data!.importClients.id)),
      )),
      await row(d, immediate.data!.importClients.id),
    ];
    const spans = rows
      .map((r) => [r.startedAt!.getTime(), r.completedAt!.getTime()] as const)
      .sort((x, y) => x[0] - y[0]);
    // With one slot, each import starts only after the previous one completed.
    for (let i = 1; i < spans.length; i++) {
      expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    }
  });

  it('parses the CSV before any transaction: a malformed file costs no SQL', async () => {
    const astro = await stack.mintAccount();
    const from = Date.now();
    for (const csv of ['nom\nAsha\n', 'name,"unterminated\nAsha\n', csvOf('Too many', 10_001)]) {
      expect(errorCodes(await importCsv(astro, csv))).toEqual(['BAD_USER_INPUT']);
    }
    const during = clientsSql.filter((s) => s.at >= from).map((s) => s.sql);
    expect(during.filter((sql) => /BEGIN|set_config|client_imports/i.test(sql))).toEqual([]);
  });
});
