// Tenant isolation, twice: the resolvers scope every read and write to the viewer, and
// PostgreSQL row-level security refuses other tenants' rows even to a query that forgets to.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clientsOp, createClientIn } from './fixtures/clients.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startSubgraph, type MintedAccount, type SubgraphUnderTest } from './helpers/services.ts';

const TABLES = [
  'clients',
  'client_family_links',
  'client_consultations',
  'client_saved_charts',
  'client_notes',
  'client_remedies',
  'client_imports',
  'client_activity_logs',
  'client_idempotency_keys',
  'rate_limits',
  'client_counts',
];

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Client {
        id
        name
      }
    }
  }
`;

describe('tenant isolation', () => {
  let stack: SubgraphUnderTest;
  let alice: MintedAccount;
  let bob: MintedAccount;
  /** Alice's client with one of every record, and the ids Bob will try. */
  const ids = { client: '', sibling: '', link: '', remedy: '', import: '' };

  beforeAll(async () => {
    stack = await startSubgraph('clients');
    alice = await stack.mintAccount({ name: 'Alice' });
    bob = await stack.mintAccount({ name: 'Bob' });
    const as = (query: string, variables: Record<string, unknown>, key?: string) =>
      stack.gql<Record<string, { id: string }>>(query, variables, {
        token: alice.accessToken,
        headers: key ? { 'Idempotency-Key': key } : {},
      });
    ids.client = (
      await createClientIn(stack, alice.accessToken, {
        name: 'Zephyrine Secret',
        tags: ['alice-only'],
      })
    ).id;
    ids.sibling = (
      await createClientIn(stack, alice.accessToken, { name: 'Zephyrine Sibling' })
    ).id;
    const link = await as(clientsOp('LinkFamilyMember'), {
      input: { clientId: ids.client, relatedClientId: ids.sibling, relationshipType: 'SIBLING' },
    });
    ids.link = link.data!.linkFamilyMember!.id;
    await as(clientsOp('RecordConsultation'), {
      input: { clientId: ids.client, type: 'CHAT', fee: '10.00' },
    });
    await as(clientsOp('SaveChart'), {
      input: { clientId: ids.client, chartType: 'D1', chartData: { a: 1 } },
    });
    await as(clientsOp('AddClientNote'), { input: { clientId: ids.client, content: 'private' } });
    const remedy = await as(clientsOp('PrescribeRemedy'), {
      input: { clientId: ids.client, type: 'MANTRA', description: 'chant' },
    });
    ids.remedy = remedy.data!.prescribeRemedy!.id;
    const imported = await as(
      clientsOp('ImportClients'),
      { csv: 'name\nZephyrine Imported\n' },
      'alice-key',
    );
    ids.import = imported.data!.importClients!.id;
  });
  afterAll(() => stack?.close());

  const asBob = (query: string, variables: Record<string, unknown>) =>
    stack.gql(query, variables, { token: bob.accessToken });

  describe("another tenant's client is NOT_FOUND for every operation", () => {
    const cases: [string, () => [string, Record<string, unknown>]][] = [
      ['ClientById', () => [clientsOp('ClientById'), { id: ids.client }]],
      [
        'UpdateClient',
        () => [clientsOp('UpdateClient'), { id: ids.client, input: { name: 'Hacked' } }],
      ],
      ['DeleteClient', () => [clientsOp('DeleteClient'), { id: ids.client }]],
      [
        'LinkFamilyMember (with one of his own)',
        () => [
          clientsOp('LinkFamilyMember'),
          {
            input: {
              clientId: bobsClient,
              relatedClientId: ids.client,
              relationshipType: 'SPOUSE',
            },
          },
        ],
      ],
      [
        'LinkFamilyMember (both hers)',
        () => [
          clientsOp('LinkFamilyMember'),
          {
            input: {
              clientId: ids.sibling,
              relatedClientId: ids.client,
              relationshipType: 'COUSIN',
            },
          },
        ],
      ],
      ['UnlinkFamilyMember', () => [clientsOp('UnlinkFamilyMember'), { id: ids.link }]],
      [
        'RecordConsultation',
        () => [clientsOp('RecordConsultation'), { input: { clientId: ids.client, type: 'PHONE' } }],
      ],
      [
        'SaveChart',
        () => [
          clientsOp('SaveChart'),
          { input: { clientId: ids.client, chartType: 'D9', chartData: {} } },
        ],
      ],
      [
        'AddClientNote',
        () => [clientsOp('AddClientNote'), { input: { clientId: ids.client, content: 'x' } }],
      ],
      [
        'PrescribeRemedy',
        () => [
          clientsOp('PrescribeRemedy'),
          { input: { clientId: ids.client, type: 'PUJA', description: 'x' } },
        ],
      ],
      [
        'UpdateRemedyStatus',
        () => [clientsOp('UpdateRemedyStatus'), { id: ids.remedy, status: 'CANCELLED' }],
      ],
      ['ClientImport', () => [clientsOp('ClientImport'), { id: ids.import }]],
    ];
    let bobsClient = '';
    beforeAll(async () => {
      bobsClient = (await createClientIn(stack, bob.accessToken, { name: 'Bob Own' })).id;
    });

    it.each(cases)('%s', async (_name, build) => {
      const [query, variables] = build();
      const res = await asBob(query, variables);
      expect(errorCodes(res)).toEqual(['NOT_FOUND']);
    });

    it("leaves Alice's records untouched", async () => {
      const res = await stack.gql<{
        client: {
          name: string;
          familyLinks: unknown[];
          consultations: { totalCount: number };
          savedCharts: unknown[];
          notes: unknown[];
          remedies: { status: string }[];
        };
      }>(clientsOp('ClientById'), { id: ids.client }, { token: alice.accessToken });
      expect(res.errors).toBeUndefined();
      expect(res.data?.client).toMatchObject({
        name: 'Zephyrine Secret',
        familyLinks: [{ relatedClient: { id: ids.sibling } }],
        consultations: { totalCount: 1 },
        savedCharts: [{ chartType: 'D1' }],
        notes: [{ content: 'private' }],
        remedies: [{ status: 'PRESCRIBED' }],
      });
    });

    it('hides her clients from his search, tags and book', async () => {
      for (const variables of [{ search: 'zephyrine' }, { tags: ['alice-only'] }, {}]) {
        const res = await asBob(clientsOp('MyClients'), { first: 100, ...variables });
        const names = (
          res.data as { clients: { edges: { node: { name: string } }[] } }
        ).clients.edges.map((e) => e.node.name);
        expect(names.filter((n) => n.startsWith('Zephyrine'))).toEqual([]);
      }
    });

    it('answers NOT_FOUND through _entities when the subgraph is called directly', async () => {
      const subgraph = stack.subgraph('clients');
      const representations = [{ __typename: 'Client', id: ids.client }];
      const asBobDirect = await subgraph.gql(
        ENTITIES,
        { representations },
        { token: bob.accessToken },
      );
      expect(errorCodes(asBobDirect)).toEqual(['NOT_FOUND']);
      expect(asBobDirect.data).toEqual({ _entities: [null] });
      const anonymous = await subgraph.gql(ENTITIES, { representations });
      expect(errorCodes(anonymous)).toEqual(['NOT_FOUND']);
      const asAlice = await subgraph.gql(
        ENTITIES,
        { representations },
        { token: alice.accessToken },
      );
      expect(asAlice.data).toEqual({ _entities: [{ id: ids.client, name: 'Zephyrine Secret' }] });
    });

    it("refuses another user's book through _entities with FORBIDDEN", async () => {
      const subgraph = stack.subgraph('clients');
      const res = await subgraph.gql(
        `query ($r: [_Any!]!) { _entities(representations: $r) {
          ... on User { clientCount clients(first: 5) { totalCount } } } }`,
        { r: [{ __typename: 'User', authUserId: alice.id }] },
        { token: bob.accessToken },
      );
      expect(errorCodes(res)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    });
  });

  describe('row-level security', () => {
    let owner: pg.Client;
    let role: pg.Client;

    beforeAll(async () => {
      const urls = inject('databaseUrls');
      owner = new pg.Client({ connectionString: urls.owner });
      role = new pg.Client({ connectionString: urls.clients });
      await Promise.all([owner.connect(), role.connect()]);
      // A rate-limit counter of alice's (imports are counted only where RATE_LIMITS is on).
      await owner.query(
        `INSERT INTO app_clients.rate_limits (tenant_id, name, window_start, hits, expires_at)
         VALUES ($1, 'isolation-test', now(), 1, now() + interval '1 hour')
         ON CONFLICT DO NOTHING`,
        [alice.id],
      );
    });
    afterAll(async () => {
      await Promise.all([owner?.end(), role?.end()]);
    });

    it('is enabled and forced on every app_clients table; the role cannot bypass it', async () => {
      const { rows } = await owner.query<{ table: string; rls: boolean; force: boolean }>(
        `SELECT c.relname::text AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS force
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'app_clients' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
          ORDER BY 1`,
      );
      expect(rows.map((r) => r.table)).toEqual([...TABLES].sort());
      for (const row of rows) expect(row).toMatchObject({ rls: true, force: true });
      const role = await owner.query<{ bypass: boolean; superuser: boolean }>(
        `SELECT rolbypassrls AS bypass, rolsuper AS superuser FROM pg_roles WHERE rolname = 'clients_svc'`,
      );
      expect(role.rows).toEqual([{ bypass: false, superuser: false }]);
    });

    it.each(TABLES)('shows nothing of %s to a query without the tenant setting', async (table) => {
      const all = await owner.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM app_clients.${table}`,
      );
      expect(all.rows[0]?.n).toBeGreaterThan(0);
      const seen = await role.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM app_clients.${table}`,
      );
      expect(seen.rows[0]?.n).toBe(0);
    });

    it('shows nothing through Prisma outside a tenant transaction either', async () => {
      expect(await stack.db.clients.client.count()).toBe(0);
      expect(await stack.db.clients.client.findUnique({ where: { id: ids.client } })).toBeNull();
    });

    it("shows a tenant only its own rows, and refuses writes of another tenant's", async () => {
      await role.query('BEGIN');
      try {
        await role.query(`SELECT set_config('app.tenant_id', $1, true)`, [bob.id]);
        const { rows } = await role.query<{ tenant: string }>(
          'SELECT DISTINCT tenant_id::text AS tenant FROM app_clients.clients',
        );
        expect(rows).toEqual([{ tenant: bob.id }]);
        const hidden = await role.query(
          `UPDATE app_clients.clients SET name = 'Hacked' WHERE id = $1`,
          [ids.client],
        );
        expect(hidden.rowCount).toBe(0);
        await expect(
          role.query(`INSERT INTO app_clients.clients (tenant_id, name) VALUES ($1, 'Planted')`, [
            alice.id,
          ]),
        ).rejects.toMatchObject({ code: '42501' });
      } finally {
        await role.query('ROLLBACK');
      }
    });

    it('forgets the tenant when its transaction ends', async () => {
      await role.query('BEGIN');
      await role.query(`SELECT set_config('app.tenant_id', $1, true)`, [alice.id]);
      const inside = await role.query('SELECT 1 FROM app_clients.clients');
      await role.query('COMMIT');
      expect(inside.rowCount).toBeGreaterThan(0);
      const after = await role.query('SELECT 1 FROM app_clients.clients');
      expect(after.rowCount).toBe(0);
    });
  });
});
