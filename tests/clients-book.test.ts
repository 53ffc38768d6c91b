// The client book through the gateway: create, read, update, soft delete, list, search, tags.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { createClient, firstError, op, registerAstrologer } from './fixtures/clients.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const EXAMPLE = {
  name: 'Rahul Sharma',
  email: 'rahul@example.com',
  phone: '+919812345678',
  gender: 'male',
  birthDate: '1990-04-12',
  birthTime: '06:45:00',
  birthPlace: 'Jaipur, India',
  latitude: 26.9124,
  longitude: 75.7873,
  timezone: 'Asia/Kolkata',
  tags: ['vip', 'marriage'],
};

interface ListResult {
  clients: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; name: string; tags: string[] } }[];
  };
}

describe('the client book', () => {
  let stack: Stack;
  let astro: TestAccount;

  beforeAll(async () => {
    stack = await startStack();
    astro = await registerAstrologer(stack, 'Asha Astrologer');
  });
  afterAll(() => stack?.close());

  it('creates a client with every field (contract CreateClient) and links its owner', async () => {
    const res = await stack.gql<{ createClient: Record<string, unknown> }>(
      op('CreateClient'),
      { input: { ...EXAMPLE, tags: [' VIP ', 'Marriage', 'vip'] } },
      { token: astro.accessToken },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.createClient).toMatchObject({
      ...EXAMPLE,
      owner: { name: 'Asha Astrologer' },
    });
    expect(res.data?.createClient.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('refuses to create without a token', async () => {
    const res = await stack.gql(op('CreateClient'), { input: { name: 'Nobody' } });
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it.each([
    ['name', { name: '   ' }],
    ['name', { name: 'x'.repeat(201) }],
    ['email', { email: 'not-an-email' }],
    ['phone', { phone: '98123 45678' }],
    ['birthDate', { birthDate: '2999-01-01' }],
    ['birthTime', { birthTime: '25:00' }],
    ['latitude', { latitude: 90.5 }],
    ['longitude', { longitude: -180.1 }],
    ['timezone', { timezone: 'Mars/Olympus' }],
    ['tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
    ['tags', { tags: ['x'.repeat(33)] }],
    ['gender', { gender: 'g'.repeat(33) }],
  ])('refuses an invalid %s with BAD_USER_INPUT naming it', async (field, input) => {
    const res = await stack.gql(
      op('CreateClient'),
      { input: { name: 'Valid Name', ...input } },
      { token: astro.accessToken },
    );
    expect(firstError(res)).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a date that does not exist', async () => {
    const res = await stack.gql(
      op('CreateClient'),
      { input: { name: 'Leap', birthDate: '2023-02-30' } },
      { token: astro.accessToken },
    );
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('reads a client by id (contract ClientById) with all its sections', async () => {
    const created = await createClient(stack, astro.accessToken, { ...EXAMPLE, name: 'By Id' });
    const res = await stack.gql<{ client: Record<string, unknown> }>(
      op('ClientById'),
      { id: created.id },
      { token: astro.accessToken },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.client).toMatchObject({
      id: created.id,
      name: 'By Id',
      birthDate: '1990-04-12',
      owner: { name: 'Asha Astrologer', account: { id: astro.id, email: astro.email } },
      familyLinks: [],
      consultations: { totalCount: 0, edges: [] },
      savedCharts: [],
      notes: [],
      remedies: [],
      activity: { edges: [{ node: { action: 'client.created' } }] },
    });
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await stack.gql(op('ClientById'), { id }, { token: astro.accessToken });
      expect(errorCodes(res)).toEqual(['NOT_FOUND']);
    }
  });

  it('updates only the given fields (contract UpdateClient); null clears an optional one', async () => {
    const created = await createClient(stack, astro.accessToken, { ...EXAMPLE, name: 'Before' });
    const res = await stack.gql<{ updateClient: { name: string; tags: string[] } }>(
      op('UpdateClient'),
      { id: created.id, input: { tags: ['VIP'] } },
      { token: astro.accessToken },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateClient).toMatchObject({ name: 'Before', tags: ['vip'] });
    const cleared = await stack.gql(
      'mutation($id: ID!) { updateClient(id: $id, input: { email: null, name: "After" }) { id } }',
      { id: created.id },
      { token: astro.accessToken },
    );
    expect(cleared.errors).toBeUndefined();
    const read = await stack.gql<{ client: { name: string; email: string | null; phone: string } }>(
      op('ClientById'),
      { id: created.id },
      { token: astro.accessToken },
    );
    expect(read.data?.client).toMatchObject({ name: 'After', email: null, phone: EXAMPLE.phone });
  });

  it('refuses invalid updates and unknown clients', async () => {
    const created = await createClient(stack, astro.accessToken);
    const noName = await stack.gql(
      op('UpdateClient'),
      { id: created.id, input: { name: null } },
      { token: astro.accessToken },
    );
    expect(firstError(noName)).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    const badPhone = await stack.gql(
      op('UpdateClient'),
      { id: created.id, input: { phone: '123' } },
      { token: astro.accessToken },
    );
    expect(firstError(badPhone)).toEqual({ code: 'BAD_USER_INPUT', field: 'phone' });
    const unknown = await stack.gql(
      op('UpdateClient'),
      { id: '00000000-0000-4000-8000-000000000000', input: { name: 'X' } },
      { token: astro.accessToken },
    );
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
  });

  it('soft-deletes (contract DeleteClient): gone from every read, history kept', async () => {
    const owner = await registerAccount(stack);
    const gone = await createClient(stack, owner.accessToken, { name: 'Gone Soon' });
    const kept = await createClient(stack, owner.accessToken, { name: 'Kept' });
    await stack.gql(
      op('LinkFamilyMember'),
      { input: { clientId: kept.id, relatedClientId: gone.id, relationshipType: 'SIBLING' } },
      { token: owner.accessToken },
    );
    const res = await stack.gql<{ deleteClient: boolean }>(
      op('DeleteClient'),
      { id: gone.id },
      { token: owner.accessToken },
    );
    expect(res.data?.deleteClient).toBe(true);
    const again = await stack.gql(
      op('DeleteClient'),
      { id: gone.id },
      { token: owner.accessToken },
    );
    expect(errorCodes(again)).toEqual(['NOT_FOUND']);
    const byId = await stack.gql(op('ClientById'), { id: gone.id }, { token: owner.accessToken });
    expect(errorCodes(byId)).toEqual(['NOT_FOUND']);
    const list = await stack.gql<ListResult>(
      op('MyClients'),
      { first: 10 },
      { token: owner.accessToken },
    );
    expect(list.data?.clients.edges.map((e) => e.node.name)).toEqual(['Kept']);
    const book = await stack.gql<{ me: { profile: { clientCount: number } } }>(
      op('MyClientBook'),
      { first: 5 },
      { token: owner.accessToken },
    );
    expect(book.data?.me.profile.clientCount).toBe(1);
    const keptView = await stack.gql<{ client: { familyLinks: unknown[] } }>(
      op('ClientById'),
      { id: kept.id },
      { token: owner.accessToken },
    );
    expect(keptView.data?.client.familyLinks).toEqual([]);
    const history = await stack.db.clients.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${owner.id}, true)`;
      return tx.clientActivityLog.findMany({
        where: { clientId: gone.id },
        orderBy: { createdAt: 'asc' },
      });
    });
    expect(history.map((h) => h.action)).toEqual([
      'client.created',
      'family.linked',
      'client.deleted',
    ]);
  });

  it('lists newest first in pages with opaque cursors (contract MyClients)', async () => {
    const owner = await registerAccount(stack);
    for (const name of ['First', 'Second', 'Third'])
      await createClient(stack, owner.accessToken, { name });
    const page1 = await stack.gql<ListResult>(
      op('MyClients'),
      { first: 2 },
      { token: owner.accessToken },
    );
    expect(page1.data?.clients.totalCount).toBe(3);
    expect(page1.data?.clients.edges.map((e) => e.node.name)).toEqual(['Third', 'Second']);
    expect(page1.data?.clients.pageInfo.hasNextPage).toBe(true);
    const page2 = await stack.gql<ListResult>(
      op('MyClients'),
      { first: 2, after: page1.data?.clients.pageInfo.endCursor },
      { token: owner.accessToken },
    );
    expect(page2.data?.clients.edges.map((e) => e.node.name)).toEqual(['First']);
    expect(page2.data?.clients.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses first > 100 and a forged cursor with BAD_USER_INPUT', async () => {
    const tooMany = await stack.gql(op('MyClients'), { first: 101 }, { token: astro.accessToken });
    expect(firstError(tooMany)).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await stack.gql(
      op('MyClients'),
      { after: 'garbage' },
      { token: astro.accessToken },
    );
    expect(firstError(forged)).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    const anonymous = await stack.gql(op('MyClients'), { first: 1 });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('searches name, email and phone case-insensitively and partially; tags need all', async () => {
    const owner = await registerAccount(stack);
    const t = owner.accessToken;
    await createClient(stack, t, { name: 'Priya SHARMA', tags: ['vip', 'marriage'] });
    await createClient(stack, t, {
      name: 'Meera',
      email: 'meera.sharma@example.com',
      tags: ['vip'],
    });
    await createClient(stack, t, { name: 'Kiran', phone: '+919800011122', tags: ['career'] });
    const names = async (variables: Record<string, unknown>) => {
      const res = await stack.gql<ListResult>(
        op('MyClients'),
        { first: 20, ...variables },
        { token: t },
      );
      expect(res.errors).toBeUndefined();
      return res.data?.clients.edges.map((e) => e.node.name).sort();
    };
    expect(await names({ search: 'sharma' })).toEqual(['Meera', 'Priya SHARMA']);
    expect(await names({ search: '98000111' })).toEqual(['Kiran']);
    expect(await names({ tags: ['VIP'] })).toEqual(['Meera', 'Priya SHARMA']);
    expect(await names({ tags: ['vip', 'marriage'] })).toEqual(['Priya SHARMA']);
    expect(await names({ search: 'sharma', tags: ['marriage'] })).toEqual(['Priya SHARMA']);
    expect(await names({ search: 'nobody' })).toEqual([]);
    // LIKE wildcards in the search text are literal characters.
    expect(await names({ search: '%' })).toEqual([]);
    expect(await names({ search: '_' })).toEqual([]);
  });

  it('reads the book across three subgraphs (contract MyClientBook)', async () => {
    const owner = await registerAstrologer(stack, 'Book Owner');
    await createClient(stack, owner.accessToken, { name: 'Book Client', tags: ['a'] });
    const res = await stack.gql<{
      me: {
        profile: {
          clientCount: number;
          clients: { totalCount: number; edges: { node: unknown }[] };
        };
      };
    }>(op('MyClientBook'), { first: 5 }, { token: owner.accessToken });
    expect(res.errors).toBeUndefined();
    expect(res.data?.me.profile.clientCount).toBe(1);
    expect(res.data?.me.profile.clients.edges[0]?.node).toMatchObject({
      name: 'Book Client',
      tags: ['a'],
      owner: { name: 'Book Owner', account: { id: owner.id, email: owner.email } },
    });
  });
});
