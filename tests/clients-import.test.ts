// CSV imports in the clients subgraph (called as the gateway calls it): small files at once,
// large ones in the background.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstError, op } from './fixtures/clients.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startSubgraph, type MintedAccount, type SubgraphUnderTest } from './helpers/services.ts';

interface Import {
  id: string;
  status: string;
  totalCount: number;
  successCount: number;
  failedCount: number;
  errors: { row: number; message: string }[];
  completedAt?: string | null;
}

const SYNC_ROWS = 5;

describe('CSV imports', () => {
  let stack: SubgraphUnderTest;

  beforeAll(async () => {
    stack = await startSubgraph('clients', {
      env: { CLIENT_IMPORT_SYNC_ROWS: String(SYNC_ROWS), CLIENT_IMPORT_CHUNK_ROWS: '2' },
    });
  });
  afterAll(() => stack?.close());

  async function importCsv(astro: MintedAccount, csv: string) {
    return stack.gql<{ importClients: Import }>(
      op('ImportClients'),
      { csv },
      { token: astro.accessToken },
    );
  }

  // The counts of an import, duplicateCount included (the contract's operations predate it).
  const COUNTS = 'id status successCount duplicateCount failedCount';
  type Counted = Pick<Import, 'id' | 'status' | 'successCount' | 'failedCount'> & {
    duplicateCount: number;
  };
  async function importCounted(astro: MintedAccount, csv: string): Promise<Counted> {
    const res = await stack.gql<{ importClients: Counted }>(
      `mutation ($csv: String!) { importClients(csv: $csv) { ${COUNTS} } }`,
      { csv },
      { token: astro.accessToken },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.importClients;
  }
  async function readCounted(astro: MintedAccount, id: string): Promise<Counted> {
    const res = await stack.gql<{ clientImport: Counted }>(
      `query ($id: ID!) { clientImport(id: $id) { ${COUNTS} } }`,
      { id },
      { token: astro.accessToken },
    );
    return res.data!.clientImport;
  }

  async function names(astro: MintedAccount) {
    const res = await stack.gql<{
      clients: { edges: { node: { name: string; tags: string[] } }[] };
    }>(
      // MyClients without its owner (a users field the gateway would join).
      '{ clients(first: 100) { edges { node { name tags } } } }',
      {},
      { token: astro.accessToken },
    );
    return res
      .data!.clients.edges.map(({ node: { name, tags } }) => ({ name, tags }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async function waitFor(astro: MintedAccount, id: string, status: string) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const res = await stack.gql<{ clientImport: Import }>(
        op('ClientImport'),
        { id },
        { token: astro.accessToken },
      );
      if (res.data?.clientImport.status === status) return res.data.clientImport;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`import ${id} never reached ${status}`);
  }

  it('imports valid rows and reports invalid ones with spreadsheet row numbers', async () => {
    const astro = await stack.mintAccount();
    const csv = [
      'Name,Email,Birth Date,tags',
      'Asha Rao,asha@example.com,1990-04-12,VIP;new',
      ',nobody@example.com,,',
      '',
      '"Multi\nLine",ml@example.com,,',
      'Bad Date,bd@example.com,2023-02-30,',
      'Bad Email,not-an-email,,',
    ].join('\n');
    const res = await importCsv(astro, `${csv}\n`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.importClients).toMatchObject({
      status: 'COMPLETED',
      totalCount: 5,
      successCount: 2,
      failedCount: 3,
    });
    expect(res.data?.importClients.errors.map((e) => e.row)).toEqual([3, 6, 7]);
    for (const e of res.data!.importClients.errors) expect(e.message).not.toBe('');
    expect(await names(astro)).toEqual([
      { name: 'Asha Rao', tags: ['vip', 'new'] },
      { name: 'Multi\nLine', tags: [] },
    ]);
    const read = await stack.gql<{ clientImport: Import }>(
      op('ClientImport'),
      { id: res.data!.importClients.id },
      { token: astro.accessToken },
    );
    expect(read.data?.clientImport).toMatchObject({ status: 'COMPLETED', successCount: 2 });
    expect(read.data?.clientImport.completedAt).toBeTruthy();
  });

  it('creates no duplicates when the same file is imported again, and counts them apart', async () => {
    const astro = await stack.mintAccount();
    const csv =
      'name,email\nRepeat One,r1@example.com\nRepeat Two,r2@example.com\nRepeat One,r1@example.com\n';
    const first = await importCounted(astro, csv);
    const second = await importCounted(astro, csv);
    expect(second.id).not.toBe(first.id);
    // The file's own repeated row is a duplicate already; the whole second run is.
    expect(first).toMatchObject({ status: 'COMPLETED', successCount: 2, duplicateCount: 1 });
    expect(second).toMatchObject({
      status: 'COMPLETED',
      successCount: 0,
      duplicateCount: 3,
      failedCount: 0,
    });
    expect((await names(astro)).map((c) => c.name)).toEqual(['Repeat One', 'Repeat Two']);
  });

  it('counts duplicates of a background import too', async () => {
    const astro = await stack.mintAccount();
    const rows = Array.from(
      { length: SYNC_ROWS + 3 },
      (_, i) => `Again ${i},again${i}@example.com`,
    );
    const csv = `name,email\n${rows.join('\n')}\nNot valid,not-an-email\n`;
    for (const expected of [
      { successCount: rows.length, duplicateCount: 0 },
      { successCount: 0, duplicateCount: rows.length },
    ]) {
      const started = await importCounted(astro, csv);
      expect(started.status).toBe('PENDING');
      await waitFor(astro, started.id, 'COMPLETED');
      expect(await readCounted(astro, started.id)).toEqual({
        id: started.id,
        status: 'COMPLETED',
        ...expected,
        failedCount: 1,
      });
    }
  });

  it.each([
    ['an unknown column', 'name,shoe size\nA,42\n'],
    ['no name column', 'email\na@example.com\n'],
    ['an unclosed quote', 'name\n"Open\n'],
    ['no header', ''],
    ['more than 10,000 rows', `name\n${'Someone\n'.repeat(10_001)}`],
    ['more than 5 MB (in few rows)', `name\n${`${'x'.repeat(9_000)}\n`.repeat(600)}`],
  ])('refuses a file with %s (BAD_USER_INPUT on csv), importing nothing', async (_what, csv) => {
    const astro = await stack.mintAccount();
    const res = await importCsv(astro, csv);
    expect(firstError(res)).toEqual({ code: 'BAD_USER_INPUT', field: 'csv' });
    expect(await names(astro)).toEqual([]);
  });

  it('finishes large files in the background (contract ClientImport)', async () => {
    const astro = await stack.mintAccount();
    const rows = Array.from({ length: 9 }, (_, i) =>
      i === 4 ? 'Broken,not-an-email' : `Bulk ${i},bulk${i}@example.com`,
    );
    const res = await importCsv(astro, `name,email\n${rows.join('\n')}\n`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.importClients).toMatchObject({
      status: 'PENDING',
      totalCount: 9,
      successCount: 0,
    });
    const done = await waitFor(astro, res.data!.importClients.id, 'COMPLETED');
    expect(done).toMatchObject({
      totalCount: 9,
      successCount: 8,
      failedCount: 1,
      errors: [{ row: 6 }],
    });
    expect(await names(astro)).toHaveLength(8);
  });

  it('answers NOT_FOUND for an unknown import and UNAUTHENTICATED without a token', async () => {
    const astro = await stack.mintAccount();
    const unknown = await stack.gql(
      op('ClientImport'),
      { id: '00000000-0000-4000-8000-000000000000' },
      { token: astro.accessToken },
    );
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    expect(errorCodes(await stack.gql(op('ImportClients'), { csv: 'name\nA\n' }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });
});
