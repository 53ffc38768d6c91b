// The tenant transaction of the clients service: BEGIN and the tenant setting travel in one
// round trip, the reads of one request share one transaction, row-level security still sees
// the tenant, and a failing first statement still rolls back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../subgraphs/clients/src/db.ts';
import { createClient, op, registerAstrologer, type CreatedClient } from './fixtures/clients.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';
import type { TestAccount } from './fixtures/accounts.ts';

describe('tenant transaction round trips', () => {
  let stack: Stack;
  let astro: TestAccount;
  let other: TestAccount;
  let sent: string[] = [];

  beforeAll(async () => {
    stack = await startStack({
      onQuery: (service, sql) => {
        if (service === 'clients') sent.push(sql);
      },
    });
    astro = await registerAstrologer(stack, 'Round Trips');
    other = await registerAstrologer(stack, 'Someone Else');
    for (let i = 0; i < 3; i++) await createClient(stack, astro.accessToken);
    await createClient(stack, other.accessToken);
  });
  afterAll(() => stack?.close());

  async function roundTripsOf<T>(run: () => Promise<T>) {
    sent = [];
    const result = await run();
    return { sent: [...sent], result };
  }

  it('sends BEGIN with the tenant setting, and only the viewer’s clients come back', async () => {
    const { sent: trips, result } = await roundTripsOf(() =>
      stack.gql<{ me: { profile: { clients: { totalCount: number } } } }>(
        op('MyClientBook'),
        { first: 20 },
        { token: astro.accessToken },
      ),
    );
    expect(errorCodes(result)).toEqual([]);
    expect(result.data?.me.profile.clients.totalCount).toBe(3);
    const begins = trips.filter((sql) => /^BEGIN\b/.test(sql));
    expect(begins.length).toBeGreaterThan(0);
    for (const sql of begins) expect(sql).toMatch(/^BEGIN; SELECT set_config\('app\.tenant_id'/);
    // clients, totalCount and clientCount: one tenant transaction for the whole request.
    expect(begins).toHaveLength(1);
    expect(trips.filter((sql) => sql === 'COMMIT')).toHaveLength(1);
  });

  it('reads the live count once for clientCount and clients.totalCount of one query', async () => {
    const { sent: trips, result } = await roundTripsOf(() =>
      stack.gql<{ me: { profile: { clientCount: number; clients: { totalCount: number } } } }>(
        op('MyClientBook'),
        { first: 20 },
        { token: astro.accessToken },
      ),
    );
    expect(errorCodes(result)).toEqual([]);
    expect(result.data?.me.profile.clientCount).toBe(3);
    expect(result.data?.me.profile.clients.totalCount).toBe(3);
    expect(trips.filter((sql) => sql.includes('"app_clients"."client_counts"'))).toHaveLength(1);
  });

  it('reads the count afresh after each write of a mutation (never shared across writes)', async () => {
    const someone = await registerAstrologer(stack, 'Counting Writes');
    const res = await stack.gql<Record<'a' | 'b', { owner: { clientCount: number } }>>(
      `mutation {
        a: createClient(input: { name: "First" }) { owner { clientCount } }
        b: createClient(input: { name: "Second" }) { owner { clientCount } }
      }`,
      {},
      { token: someone.accessToken },
    );
    expect(errorCodes(res)).toEqual([]);
    expect(res.data?.a.owner.clientCount).toBe(1);
    expect(res.data?.b.owner.clientCount).toBe(2);
  });

  /** Gives `client` `n` records of every kind, and `n` family links to other clients. */
  async function addRecords(client: CreatedClient, n: number) {
    const relatives: CreatedClient[] = [];
    for (let i = 0; i < n; i++) relatives.push(await createClient(stack, astro.accessToken));
    await withTenant(stack.db.clients, astro.id, async (tx) => {
      const of = { tenantId: astro.id, clientId: client.id };
      const many = <T>(make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
      await tx.clientConsultation.createMany({ data: many(() => ({ ...of, type: 'CHAT' })) });
      await tx.clientSavedChart.createMany({
        data: many(() => ({ ...of, chartType: 'D1', chartData: {} })),
      });
      await tx.clientNote.createMany({ data: many((i) => ({ ...of, content: `Note ${i}` })) });
      await tx.clientRemedy.createMany({
        data: many((i) => ({ ...of, type: 'MANTRA', description: `Remedy ${i}` })),
      });
      await tx.clientActivityLog.createMany({ data: many(() => ({ ...of, action: 'NOTE' })) });
      await tx.clientFamilyLink.createMany({
        data: relatives.map((r) => ({
          ...of,
          relatedClientId: r.id,
          relationshipType: 'SIBLING' as const,
        })),
      });
    });
  }

  it('reads a client with all its records in one transaction, in as many statements for 8 records of each kind as for 1', async () => {
    const small = await createClient(stack, astro.accessToken);
    const big = await createClient(stack, astro.accessToken);
    await addRecords(small, 1);
    await addRecords(big, 8);
    const read = async (client: CreatedClient, records: number) => {
      const { sent: trips, result } = await roundTripsOf(() =>
        stack.gql<{ client: { notes: unknown[]; familyLinks: unknown[] } }>(
          op('ClientById'),
          { id: client.id },
          { token: astro.accessToken },
        ),
      );
      expect(errorCodes(result)).toEqual([]);
      expect(result.data?.client.notes).toHaveLength(records);
      expect(result.data?.client.familyLinks).toHaveLength(records);
      expect(trips.filter((sql) => /^BEGIN\b/.test(sql))).toHaveLength(1);
      expect(trips.filter((sql) => sql === 'COMMIT')).toHaveLength(1);
      return trips.length;
    };
    const one = await read(small, 1);
    expect(await read(big, 8)).toBe(one);
    // BEGIN with the tenant, the client, its seven kinds of records (pages: ids, rows and the
    // consultations' count), the related clients, COMMIT.
    expect(one).toBeLessThanOrEqual(13);
  });

  it('rolls the whole transaction back when a statement fails', async () => {
    const before = await withTenant(stack.db.clients, astro.id, (tx) => tx.client.count());
    await expect(
      withTenant(stack.db.clients, astro.id, async (tx) => {
        await tx.client.create({ data: { tenantId: astro.id, name: 'Never kept' } });
        await tx.$executeRawUnsafe('SELECT 1/0');
      }),
    ).rejects.toThrow();
    expect(await withTenant(stack.db.clients, astro.id, (tx) => tx.client.count())).toBe(before);
  });

  it('keeps a tenant value with quotes a literal (no SQL injection through the setting)', async () => {
    const hostile = "x'); DROP TABLE app_clients.clients; --";
    const seen = await withTenant(stack.db.clients, hostile, (tx) =>
      tx.$queryRawUnsafe<{ tenant: string }[]>("SELECT current_setting('app.tenant_id') AS tenant"),
    );
    expect(seen).toEqual([{ tenant: hostile }]);
  });

  it('still works when the first statement has parameters (BEGIN sent before it)', async () => {
    const rows = await stack.db.clients.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${other.id}, true)`;
      return tx.client.count();
    });
    expect(rows).toBe(1);
  });
});
