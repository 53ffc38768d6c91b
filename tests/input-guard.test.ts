// The subgraphs' one input validation layer (packages/shared/src/inputGuard.ts) through the
// gateway: text PostgreSQL cannot store, dates outside 1800-2200 and over-deep JSON are
// BAD_USER_INPUT naming the field, whether sent as variables or written inline; nothing is
// written. CSV imports report such cells as row errors. A subgraph's refusal of an inline
// literal reaches the client with its code and message, never as "400: Bad Request" with a URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, op } from './fixtures/clients.ts';
import { createUser, usersOperation, type TestUser } from './fixtures/users.ts';
import { errorCodes, type GraphQLResponse } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

let stack: Stack;
let viewer: TestUser;
let clientId: string;

beforeAll(async () => {
  stack = await startStack();
  viewer = await createUser(stack, 'Guarded Astrologer');
  clientId = (await createClient(stack, viewer.accessToken)).id;
});
afterAll(() => stack?.close());

const send = (query: string, variables: Record<string, unknown> = {}) =>
  stack.gql(query, variables, { token: viewer.accessToken });

/** The one error of a refused input: its code and the field it names. */
function refusal(res: GraphQLResponse<unknown>) {
  expect(res.status).toBe(200);
  expect(res.errors).toHaveLength(1);
  expect(JSON.stringify(res)).not.toMatch(/prisma|invocation|\.ts\b|127\.0\.0\.1|localhost:/i);
  return { code: res.errors?.[0]?.extensions?.code, field: res.errors?.[0]?.extensions?.field };
}

const NUL = 'Ada\u0000Lovelace';

describe('text PostgreSQL cannot store', () => {
  const cases: [string, string, Record<string, unknown>, string][] = [
    [
      'login',
      'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email: 'a\u0000@example.com', password: 'whatever it is here' } },
      'email',
    ],
    ['search', op('MyClients'), { search: NUL }, 'search'],
    ['profile', usersOperation('UpdateProfile'), { input: { bio: NUL } }, 'bio'],
    [
      'address',
      usersOperation('AddAddress'),
      { input: { line1: NUL, city: 'Bath', country: 'GB' } },
      'line1',
    ],
    [
      'preferences',
      usersOperation('UpdatePreferences'),
      { settings: { theme: NUL } },
      'settings.theme',
    ],
    ['note', op('AddClientNote'), { input: { clientId: 'CLIENT', content: NUL } }, 'content'],
    [
      'remedy',
      op('PrescribeRemedy'),
      { input: { clientId: 'CLIENT', type: 'GEMSTONE', description: NUL } },
      'description',
    ],
    [
      'consultation',
      op('RecordConsultation'),
      { input: { clientId: 'CLIENT', type: 'VIDEO', notes: NUL } },
      'notes',
    ],
    [
      'chart data',
      op('SaveChart'),
      { input: { clientId: 'CLIENT', chartType: 'D1', chartData: { houses: [{ sign: NUL }] } } },
      'chartData.houses.0.sign',
    ],
    ['a client id', op('ClientById'), { id: '\u0000' }, 'id'],
    ['an unpaired surrogate', op('CreateClient'), { input: { name: 'Ada \uD800' } }, 'name'],
  ];

  it.each(cases)(
    'refuses NUL in %s with BAD_USER_INPUT naming the field',
    async (_, query, vars, field) => {
      const variables = JSON.parse(JSON.stringify(vars).replaceAll('CLIENT', clientId)) as Record<
        string,
        unknown
      >;
      expect(refusal(await send(query, variables))).toEqual({ code: 'BAD_USER_INPUT', field });
    },
  );

  it('refuses a NUL written inline in the query too', async () => {
    const res = await send('mutation { updateProfile(input: { bio: "a\\u0000b" }) { id } }');
    expect(refusal(res)).toEqual({ code: 'BAD_USER_INPUT', field: 'bio' });
  });

  it('writes nothing when it refuses', async () => {
    await send(op('AddClientNote'), { input: { clientId, content: NUL } });
    const notes = await stack.db.clients.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM app_clients.client_notes WHERE client_id = ${clientId}::uuid`;
    expect(Number(notes[0]?.n)).toBe(0);
  });

  it('refuses JSON nested deeper than 32 levels, naming the argument', async () => {
    let settings: unknown = 'x';
    for (let i = 0; i < 40; i++) settings = { a: settings };
    const res = await send(usersOperation('UpdatePreferences'), { settings });
    expect(refusal(res)).toEqual({ code: 'BAD_USER_INPUT', field: 'settings' });
  });

  it('refuses variables nested far deeper at the gateway, before forwarding them', async () => {
    const depth = 100_000;
    const settings = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // As Apollo Client asks: request errors then answer 400 (GraphQL over HTTP).
        accept: 'application/graphql-response+json, application/json;q=0.9',
        authorization: `Bearer ${viewer.accessToken}`,
      },
      body: `{"query":${JSON.stringify(usersOperation('UpdatePreferences'))},"variables":{"settings":${settings}}}`,
    });
    const body = (await res.json()) as GraphQLResponse<unknown>;
    expect(res.status).toBe(400);
    expect(errorCodes(body)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('dates outside 1800-2200', () => {
  it.each([
    [
      'createClient.birthDate',
      op('CreateClient'),
      { input: { name: 'Old', birthDate: '0000-01-01' } },
      'birthDate',
    ],
    [
      'updateProfile.dateOfBirth',
      usersOperation('UpdateProfile'),
      { input: { dateOfBirth: '0000-01-01' } },
      'dateOfBirth',
    ],
    [
      'recordConsultation.date',
      op('RecordConsultation'),
      { input: { clientId: 'CLIENT', type: 'VIDEO', date: '0000-01-01T00:00:00Z' } },
      'date',
    ],
    [
      'recordConsultation.date (2201)',
      op('RecordConsultation'),
      { input: { clientId: 'CLIENT', type: 'VIDEO', date: '2201-01-01T00:00:00Z' } },
      'date',
    ],
    [
      'updateProfile.dateOfBirth (1799)',
      usersOperation('UpdateProfile'),
      { input: { dateOfBirth: '1799-12-31' } },
      'dateOfBirth',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_, query, vars, field) => {
    const variables = JSON.parse(JSON.stringify(vars).replaceAll('CLIENT', clientId)) as Record<
      string,
      unknown
    >;
    expect(refusal(await send(query, variables))).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('accepts the bounds themselves', async () => {
    const res = await send(usersOperation('UpdateProfile'), {
      input: { dateOfBirth: '1800-01-01' },
    });
    expect(res.errors).toBeUndefined();
  });
});

describe('a subgraph refusing an inline literal', () => {
  it.each([
    [
      'an impossible date',
      'mutation { updateProfile(input: { dateOfBirth: "1999-13-45" }) { id } }',
    ],
    ['a malformed URL', 'mutation { updateProfile(input: { avatarUrl: "not a url" }) { id } }'],
    [
      'a malformed date-time',
      `mutation { recordConsultation(input: { clientId: "${'0'.repeat(8)}-0000-4000-8000-000000000000", type: VIDEO, date: "2026-11-20T25:61:00Z" }) { id } }`,
    ],
  ])('answers %s with its code and message and no internal URL', async (_, query) => {
    const res = await send(query);
    expect(res.status).toBeLessThan(500);
    expect(errorCodes(res)).toHaveLength(1);
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(errorCodes(res)[0]);
    expect(res.errors?.[0]?.message).not.toMatch(/Bad Request|http:|127\.0\.0\.1|localhost/);
    expect(JSON.stringify(res)).not.toMatch(/127\.0\.0\.1|localhost:\d/);
  });

  it('answers input above a subgraph body limit as BAD_USER_INPUT', async () => {
    const res = await send(usersOperation('UpdateProfile'), {
      input: { bio: 'x'.repeat(1_500_000) },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(res)).not.toMatch(/127\.0\.0\.1|localhost:\d/);
  });
});

describe('CSV imports', () => {
  const IMPORT = op('ImportClients');
  interface ImportResult {
    importClients: {
      status: string;
      successCount: number;
      failedCount: number;
      errors: { row: number; message: string }[];
    };
  }

  it('reports an impossible or out-of-range birth date and unstorable text as row errors', async () => {
    const csv = [
      'name,birthDate,birthPlace',
      'Impossible,1999-13-45,',
      'Year zero,0000-01-01,',
      'Nul,,Jai\u0000pur',
      'Surrogate,,Jai\uDC00pur',
      'Fine,1990-04-12,Jaipur',
    ].join('\n');
    const res = await stack.gql<ImportResult>(IMPORT, { csv }, { token: viewer.accessToken });
    expect(res.errors).toBeUndefined();
    const result = res.data?.importClients;
    expect(result).toMatchObject({ status: 'COMPLETED', successCount: 1, failedCount: 4 });
    expect(result?.errors.map((e) => e.row)).toEqual([2, 3, 4, 5]);
  });

  it('reports them as row errors in a background import too (the kept source text)', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `Row ${i},,Place ${i}`);
    rows[10] = 'Nul row,,Jai\u0000pur';
    rows[20] = 'Bad date,1999-13-45,';
    const csv = ['name,birthDate,birthPlace', ...rows].join('\n');
    const res = await stack.gql<{ importClients: { id: string; status: string } }>(
      IMPORT,
      { csv },
      { token: viewer.accessToken },
    );
    expect(res.errors).toBeUndefined();
    const id = res.data?.importClients.id;
    let done: ImportResult['importClients'] | undefined;
    for (let i = 0; i < 100 && done?.status !== 'COMPLETED'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const poll = await send(op('ClientImport'), { id });
      done = (poll.data as { clientImport: ImportResult['importClients'] }).clientImport;
    }
    expect(done).toMatchObject({ status: 'COMPLETED', successCount: 248, failedCount: 2 });
    expect(done?.errors.map((e) => e.row)).toEqual([12, 22]);
  });
});
