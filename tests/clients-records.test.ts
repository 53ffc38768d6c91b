// A client's records in the clients subgraph, called as the gateway calls it: family links,
// consultations, saved charts, notes, remedies, and the activity every change writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsOp, createClientIn, firstError } from './fixtures/clients.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startSubgraph, type MintedAccount, type SubgraphUnderTest } from './helpers/services.ts';

interface Link {
  id: string;
  relationshipType: string;
  relatedClient: { id: string; name: string };
}

describe("a client's records", () => {
  let stack: SubgraphUnderTest;
  let astro: MintedAccount;
  let gql: (
    query: string,
    variables?: Record<string, unknown>,
  ) => ReturnType<SubgraphUnderTest['gql']>;

  beforeAll(async () => {
    stack = await startSubgraph('clients');
    astro = await stack.mintAccount();
    gql = (query, variables) => stack.gql(query, variables, { token: astro.accessToken });
  });
  afterAll(() => stack?.close());

  async function read(id: string) {
    const res = await stack.gql<{
      client: {
        familyLinks: Link[];
        consultations: { totalCount: number; edges: { node: Record<string, unknown> }[] };
        savedCharts: { id: string; chartType: string }[];
        notes: { content: string; category: string }[];
        remedies: { id: string; status: string }[];
        activity: { edges: { node: { action: string } }[] };
      };
    }>(clientsOp('ClientById'), { id }, { token: astro.accessToken });
    expect(res.errors).toBeUndefined();
    return res.data!.client;
  }

  describe('consultations', () => {
    it('records one (contract RecordConsultation) with an exact fee', async () => {
      const c = await createClientIn(stack, astro.accessToken);
      const res = await gql(clientsOp('RecordConsultation'), {
        input: {
          clientId: c.id,
          type: 'VIDEO',
          date: '2026-11-20T10:00:00Z',
          durationMinutes: 45,
          fee: '1500.00',
          notes: 'Discussed career',
        },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data).toMatchObject({
        recordConsultation: {
          type: 'VIDEO',
          date: '2026-11-20T10:00:00.000Z',
          durationMinutes: 45,
          fee: '1500.00',
          notes: 'Discussed career',
        },
      });
      const precise = await gql(clientsOp('RecordConsultation'), {
        input: { clientId: c.id, type: 'CHAT', fee: '0.1' },
      });
      expect(precise.data).toMatchObject({
        recordConsultation: { fee: '0.10', durationMinutes: null },
      });
      const big = await gql(clientsOp('RecordConsultation'), {
        input: { clientId: c.id, type: 'PHONE', fee: '9999999999.99' },
      });
      expect(big.data).toMatchObject({ recordConsultation: { fee: '9999999999.99' } });
    });

    it('pages them latest first', async () => {
      const c = await createClientIn(stack, astro.accessToken);
      for (const day of ['01', '03', '02']) {
        await gql(clientsOp('RecordConsultation'), {
          input: { clientId: c.id, type: 'IN_PERSON', date: `2026-10-${day}T09:00:00Z` },
        });
      }
      const page = await stack.gql<{
        client: {
          consultations: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: { node: { date: string } }[];
          };
        };
      }>(
        `query($id: ID!, $after: String) { client(id: $id) { consultations(first: 2, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { date } } } } }`,
        { id: c.id },
        { token: astro.accessToken },
      );
      const first = page.data!.client.consultations;
      expect(first.totalCount).toBe(3);
      expect(first.edges.map((e) => e.node.date.slice(0, 10))).toEqual([
        '2026-10-03',
        '2026-10-02',
      ]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const next = await stack.gql<typeof page.data & object>(
        `query($id: ID!, $after: String) { client(id: $id) { consultations(first: 2, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { date } } } } }`,
        { id: c.id, after: first.pageInfo.endCursor },
        { token: astro.accessToken },
      );
      expect(next.data?.client.consultations.edges.map((e) => e.node.date.slice(0, 10))).toEqual([
        '2026-10-01',
      ]);
      // A well-formed cursor we never wrote (its id is no UUID) is bad input, not a 500.
      const forged = Buffer.from(JSON.stringify(['2026-10-02T09:00:00.000Z', 'x'])).toString(
        'base64url',
      );
      for (const list of ['consultations', 'activity']) {
        const refused = await stack.gql(
          `query($id: ID!, $after: String) { client(id: $id) { ${list}(after: $after) { totalCount } } }`,
          { id: c.id, after: forged },
          { token: astro.accessToken },
        );
        expect(firstError(refused)).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
      }
    });

    it.each([
      ['fee', { fee: '12.345' }],
      ['fee', { fee: '-5.00' }],
      ['fee', { fee: 'abc' }],
      ['durationMinutes', { durationMinutes: 0 }],
      ['notes', { notes: 'n'.repeat(10_001) }],
    ])('refuses an invalid %s with BAD_USER_INPUT naming it', async (field, extra) => {
      const c = await createClientIn(stack, astro.accessToken);
      const res = await gql(clientsOp('RecordConsultation'), {
        input: { clientId: c.id, type: 'PHONE', ...extra },
      });
      expect(firstError(res)).toEqual({ code: 'BAD_USER_INPUT', field });
    });

    it('refuses a fee given as a number (a float loses cents)', async () => {
      const c = await createClientIn(stack, astro.accessToken);
      const res = await gql(clientsOp('RecordConsultation'), {
        input: { clientId: c.id, type: 'PHONE', fee: 1500.1 },
      });
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('saved charts', () => {
    it('saves a chart (contract SaveChart) and lists it', async () => {
      const c = await createClientIn(stack, astro.accessToken);
      const res = await gql(clientsOp('SaveChart'), {
        input: { clientId: c.id, chartType: 'd9', chartData: { ascendant: 'Leo', houses: [1, 2] } },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data).toMatchObject({
        saveChart: { chartType: 'D9', chartData: { ascendant: 'Leo', houses: [1, 2] } },
      });
      expect((await read(c.id)).savedCharts.map((s) => s.chartType)).toEqual(['D9']);
    });

    it('refuses a bad chartType, a non-object and more than 256 KB of chartData', async () => {
      const c = await createClientIn(stack, astro.accessToken);
      const badType = await gql(clientsOp('SaveChart'), {
        input: { clientId: c.id, chartType: 'D 9!', chartData: {} },
      });
      expect(firstError(badType)).toEqual({ code: 'BAD_USER_INPUT', field: 'chartType' });
      const notObject = await gql(clientsOp('SaveChart'), {
        input: { clientId: c.id, chartType: 'D1', chartData: [1, 2] },
      });
      expect(errorCodes(notObject)).toEqual(['BAD_USER_INPUT']);
      const huge = await gql(clientsOp('SaveChart'), {
        input: { clientId: c.id, chartType: 'D1', chartData: { blob: 'x'.repeat(300 * 1024) } },
      });
      expect(firstError(huge)).toEqual({ code: 'BAD_USER_INPUT', field: 'chartData' });
    });
  });

  describe('notes', () => {
    it('adds notes with categories (contract AddClientNote), newest first', async () => {
      const c = await createClientIn(stack, astro.accessToken);
      const res = await gql(clientsOp('AddClientNote'), {
        input: { clientId: c.id, content: 'Prefers morning calls', category: 'GENERAL' },
      });
      expect(res.data).toMatchObject({
        addClientNote: { content: 'Prefers morning calls', category: 'GENERAL' },
      });
      await gql(clientsOp('AddClientNote'), {
        input: { clientId: c.id, content: 'Saturn return', category: 'PREDICTION' },
      });
      expect((await read(c.id)).notes.map((n) => n.category)).toEqual(['PREDICTION', 'GENERAL']);
      const empty = await gql(clientsOp('AddClientNote'), {
        input: { clientId: c.id, content: '  ' },
      });
      expect(firstError(empty)).toEqual({ code: 'BAD_USER_INPUT', field: 'content' });
    });
  });

  describe('remedies', () => {
    async function prescribe(clientId: string) {
      const res = await gql(clientsOp('PrescribeRemedy'), {
        input: { clientId, type: 'GEMSTONE', description: 'Yellow sapphire, right index finger' },
      });
      expect(res.errors).toBeUndefined();
      return (res.data as { prescribeRemedy: { id: string; status: string } }).prescribeRemedy;
    }
    const move = (id: string, status: string) =>
      gql(clientsOp('UpdateRemedyStatus'), { id, status });

    it('prescribes (contract PrescribeRemedy) and moves forward (contract UpdateRemedyStatus)', async () => {
      const c = await createClientIn(stack, astro.accessToken);
      const remedy = await prescribe(c.id);
      expect(remedy.status).toBe('PRESCRIBED');
      expect((await move(remedy.id, 'IN_PROGRESS')).data).toEqual({
        updateRemedyStatus: { id: remedy.id, status: 'IN_PROGRESS' },
      });
      expect((await move(remedy.id, 'COMPLETED')).data).toEqual({
        updateRemedyStatus: { id: remedy.id, status: 'COMPLETED' },
      });
      const cancelled = await prescribe(c.id);
      expect((await move(cancelled.id, 'CANCELLED')).errors).toBeUndefined();
      expect((await read(c.id)).remedies.map((r) => r.status)).toEqual(['CANCELLED', 'COMPLETED']);
    });

    it.each([
      [[], 'COMPLETED'],
      [[], 'PRESCRIBED'],
      [['IN_PROGRESS'], 'PRESCRIBED'],
      [['IN_PROGRESS', 'COMPLETED'], 'CANCELLED'],
      [['CANCELLED'], 'IN_PROGRESS'],
    ])('after %j refuses a move to %s with BAD_USER_INPUT', async (path, target) => {
      const c = await createClientIn(stack, astro.accessToken);
      const remedy = await prescribe(c.id);
      for (const step of path) expect((await move(remedy.id, step)).errors).toBeUndefined();
      expect(firstError(await move(remedy.id, target))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'status',
      });
    });

    it('refuses an empty description and an unknown remedy', async () => {
      const c = await createClientIn(stack, astro.accessToken);
      const empty = await gql(clientsOp('PrescribeRemedy'), {
        input: { clientId: c.id, type: 'MANTRA', description: '' },
      });
      expect(firstError(empty)).toEqual({ code: 'BAD_USER_INPUT', field: 'description' });
      const unknown = await move('00000000-0000-4000-8000-000000000000', 'IN_PROGRESS');
      expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    });
  });

  it('records every mutation in the activity, newest first', async () => {
    const c = await createClientIn(stack, astro.accessToken);
    const other = await createClientIn(stack, astro.accessToken);
    await gql(clientsOp('UpdateClient'), { id: c.id, input: { tags: ['x'] } });
    const link = await gql(clientsOp('LinkFamilyMember'), {
      input: { clientId: c.id, relatedClientId: other.id, relationshipType: 'SPOUSE' },
    });
    await gql(clientsOp('RecordConsultation'), { input: { clientId: c.id, type: 'CHAT' } });
    await gql(clientsOp('SaveChart'), {
      input: { clientId: c.id, chartType: 'D1', chartData: {} },
    });
    await gql(clientsOp('AddClientNote'), { input: { clientId: c.id, content: 'n' } });
    const remedy = await gql(clientsOp('PrescribeRemedy'), {
      input: { clientId: c.id, type: 'PUJA', description: 'd' },
    });
    await gql(clientsOp('UpdateRemedyStatus'), {
      id: (remedy.data as { prescribeRemedy: { id: string } }).prescribeRemedy.id,
      status: 'IN_PROGRESS',
    });
    await gql(clientsOp('UnlinkFamilyMember'), {
      id: (link.data as { linkFamilyMember: Link }).linkFamilyMember.id,
    });
    const actions = (await read(c.id)).activity.edges.map((e) => e.node.action);
    expect(actions).toEqual([
      'family.unlinked',
      'remedy.status_changed',
      'remedy.prescribed',
      'note.added',
      'chart.saved',
      'consultation.recorded',
      'family.linked',
      'client.updated',
      'client.created',
    ]);
  });

  it('writes nothing, activity included, when a mutation fails', async () => {
    const c = await createClientIn(stack, astro.accessToken);
    await gql(clientsOp('RecordConsultation'), {
      input: { clientId: c.id, type: 'CHAT', fee: 'bad' },
    });
    await gql(clientsOp('UpdateClient'), { id: c.id, input: { email: 'bad' } });
    const after = await read(c.id);
    expect(after.consultations.totalCount).toBe(0);
    expect(after.activity.edges.map((e) => e.node.action)).toEqual(['client.created']);
  });
});
