// The tenant transaction of the clients service: BEGIN and the tenant setting travel in one
// round trip, row-level security still sees the tenant, and a failing first statement still
// rolls back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../subgraphs/clients/src/db.ts';
import { createClient, op, registerAstrologer } from './fixtures/clients.ts';
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
