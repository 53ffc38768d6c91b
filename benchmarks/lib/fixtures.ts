// The benchmark's data: astrologers with clients, a user they all follow, and the requests
// each connection sends for the contract's operations.
import { readFileSync } from 'node:fs';
import { createDb, withTenant } from '../../subgraphs/clients/src/db.ts';
import { createGraphQLClient } from '../../tests/helpers/graphql.ts';
import type { ConnectionRequest } from './load.ts';

/** One operation of contract/<file>, as the frontends send it. */
export function contractOperation(file: string, name: string): string {
  const text = readFileSync(new URL(`../../contract/${file}`, import.meta.url), 'utf8');
  const start = new RegExp(`^(query|mutation) ${name}\\b`, 'm').exec(text);
  if (!start) throw new Error(`no operation ${name} in contract/${file}`);
  const rest = text.slice(start.index);
  const end = rest.search(/\n}\n/);
  return rest.slice(0, end + 2);
}

export interface Astrologer {
  /** Auth user id (the clients' tenant). */
  id: string;
  /** Users profile id (User.id). */
  profileId: string;
  email: string;
  password: string;
  accessToken: string;
  clientIds: string[];
}

export interface BenchData {
  astrologers: Astrologer[];
  /** Followed by every astrologer (UserById's followers). */
  followedId: string;
}

const PASSWORD = 'correct horse battery staple';

/** `count` astrologers with `clients` clients each, all following one more user. */
export async function createBenchData(
  gatewayUrl: string,
  clientsDatabaseUrl: string,
  count: number,
  clients: number,
): Promise<BenchData> {
  const graph = createGraphQLClient(gatewayUrl);
  const register = async (name: string) => {
    const email = `bench-${name.toLowerCase().replace(/\s+/g, '-')}-${Date.now()}@example.com`;
    const res = await graph.gql<{ register: { accessToken: string; user: { id: string } } }>(
      'mutation ($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }',
      { input: { email, password: PASSWORD, name } },
    );
    if (!res.data) throw new Error(`register failed: ${JSON.stringify(res.errors)}`);
    const { accessToken, user } = res.data.register;
    // The profile (User.id) exists once opened, as the frontends do after sign-up.
    const me = await graph.gql<{ me: { profile: { id: string } } }>(
      '{ me { profile { id } } }',
      {},
      { token: accessToken },
    );
    const profileId = me.data?.me.profile.id;
    if (!profileId) throw new Error(`no profile: ${JSON.stringify(me.errors)}`);
    return { id: user.id, profileId, email, password: PASSWORD, accessToken };
  };
  const followed = await register('Followed Astrologer');
  const db = createDb(clientsDatabaseUrl, { max: 2 });
  const astrologers: Astrologer[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const account = await register(`Bench Astrologer ${i}`);
      const created = await withTenant(db, account.id, async (tx) => {
        await tx.client.createMany({
          data: Array.from({ length: clients }, (_, n) => ({
            tenantId: account.id,
            name: `Client ${i}-${n}`,
            tags: n % 2 ? ['vip'] : [],
          })),
        });
        return tx.client.findMany({ where: { tenantId: account.id }, select: { id: true } });
      });
      const follow = await graph.gql(
        'mutation ($id: ID!) { follow(userId: $id) { id } }',
        { id: followed.profileId },
        { token: account.accessToken },
      );
      if (follow.errors) throw new Error(`follow failed: ${JSON.stringify(follow.errors)}`);
      astrologers.push({ ...account, clientIds: created.map((client) => client.id) });
    }
  } finally {
    await db.$disconnect();
  }
  return { astrologers, followedId: followed.profileId };
}

/** A benchmark operation: what each astrologer's connection sends. */
export interface BenchOperation {
  name: string;
  /** Load length relative to --duration (password hashing makes Login slow). */
  durationFactor?: number;
  requestOf(astrologer: Astrologer, data: BenchData): ConnectionRequest;
}

const bearer = (astrologer: Astrologer) => `Bearer ${astrologer.accessToken}`;
const body = (query: string, variables: Record<string, unknown>) =>
  JSON.stringify({ query, variables });

export const OPERATIONS: BenchOperation[] = [
  {
    name: 'MyClientBook(first: 20)',
    requestOf: (a) => ({
      body: body(contractOperation('clients.graphql', 'MyClientBook'), { first: 20 }),
      authorization: bearer(a),
    }),
  },
  {
    name: 'ClientById',
    requestOf: (a) => ({
      body: body(contractOperation('clients.graphql', 'ClientById'), { id: a.clientIds[0] }),
      authorization: bearer(a),
    }),
  },
  {
    name: 'UserById (followers)',
    requestOf: (a, data) => ({
      body: body(contractOperation('users.graphql', 'UserById'), { id: data.followedId }),
      authorization: bearer(a),
    }),
  },
  {
    name: 'Login',
    durationFactor: 3,
    requestOf: (a) => ({
      body: body(contractOperation('auth.graphql', 'Login'), {
        input: { email: a.email, password: a.password },
      }),
    }),
  },
];
