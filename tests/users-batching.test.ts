// A page of followers costs a fixed number of SQL statements, however many followers it
// holds: counted with Prisma's query events, one per statement sent to PostgreSQL, on the
// users subgraph served over HTTP with a logging PrismaClient of its own.
import { randomUUID } from 'node:crypto';
import {
  GATEWAY_SECRET_HEADER,
  createLogger,
  createPgAdapter,
  createTokenVerifier,
  generateSigningKey,
  publicJwks,
} from '@grahvani/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadConfig } from '../subgraphs/users/src/config.ts';
import { PrismaClient } from '../subgraphs/users/src/generated/prisma/client.ts';
import { createServer } from '../subgraphs/users/src/server.ts';
import { afterFirstHealthCheck } from '@grahvani/testkit/ready';
import { createGraphQLClient, type GraphQLClient } from './helpers/graphql.ts';
import type { HttpService } from '@grahvani/shared';

const FOLLOWERS = /* GraphQL */ `
  query ($id: ID!) {
    user(id: $id) {
      followers(first: 100) {
        totalCount
        edges {
          cursor
          node {
            id
            name
            followers(first: 5) {
              totalCount
              edges {
                node {
                  id
                  name
                }
              }
            }
          }
        }
      }
    }
  }
`;

let db: PrismaClient<'query'>;
let service: HttpService;
let users: GraphQLClient;
const statements: string[] = [];

/** Creates a user followed by `n` fresh users (written directly: this is setup, not the test). */
async function userWithFollowers(n: number): Promise<string> {
  const ids = Array.from({ length: n + 1 }, () => randomUUID());
  await db.user.createMany({
    data: ids.map((id, i) => ({ id, authUserId: randomUUID(), name: `U${i}` })),
  });
  const [target, ...fans] = ids as [string, ...string[]];
  await db.userFollower.createMany({
    data: fans.map((followerId) => ({ followerId, followingId: target })),
  });
  await db.user.update({ where: { id: target }, data: { followerCount: n } });
  return target;
}

async function countStatements(id: string) {
  statements.length = 0;
  const res = await users.gql<{
    user: { followers: { totalCount: number; edges: unknown[] } };
  }>(FOLLOWERS, { id });
  expect(res.errors).toBeUndefined();
  return {
    statements: statements.length,
    sent: statements.join('\n'),
    edges: res.data!.user.followers.edges.length,
  };
}

beforeAll(async () => {
  const url = inject('databaseUrls').users;
  db = new PrismaClient({
    adapter: createPgAdapter(url, 'app_users', { max: 2 }),
    log: [{ emit: 'event', level: 'query' }],
  });
  db.$on('query', (event) => statements.push(event.query));
  const config = loadConfig({
    NODE_ENV: 'test',
    USERS_DATABASE_URL: url,
    // The /ready probe's SELECT 1 (every 30 s by default) would be counted if it fell inside a
    // measured request, as it did once on a loaded CI machine.
    DB_HEALTH_INTERVAL_MS: '3600000',
  });
  service = await createServer({
    db,
    config,
    logger: createLogger('test', 'silent'),
    verifier: createTokenVerifier({
      ...config.tokens,
      keys: { jwks: publicJwks([await generateSigningKey('batching-')]) },
    }),
  });
  const graphqlUrl = await service.listen(0);
  await afterFirstHealthCheck(graphqlUrl);
  users = createGraphQLClient(graphqlUrl, {
    [GATEWAY_SECRET_HEADER]: config.boundary.gatewaySecret,
  });
});
afterAll(async () => {
  await service?.close();
  await db?.$disconnect();
});

describe('batching', () => {
  it('serves 1 and 100 followers (and their followers) with the same statements', async () => {
    const one = await countStatements(await userWithFollowers(1));
    const hundred = await countStatements(await userWithFollowers(100));
    expect(one.edges).toBe(1);
    expect(hundred.edges).toBe(100);
    // user by id, the follower page, the followers' rows, their follower pages.
    expect(one.statements, one.sent).toBe(4);
    expect(hundred.statements, hundred.sent).toBe(one.statements);
  });

  it('counts statements for real (a query per row would show)', async () => {
    statements.length = 0;
    await Promise.all(
      Array.from({ length: 3 }, () => db.user.findFirst({ where: { id: randomUUID() } })),
    );
    expect(statements).toHaveLength(3);
  });
});
