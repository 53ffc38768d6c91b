// A DELETED account's profile disappears from public reads (`user(id)`), from followers and
// following lists (and their counts), and from `Client.owner` (the users subgraph's `_entities`
// by authUserId, as the gateway resolves it). The users subgraph learns of deletions the way
// it learns of revocations (NOTIFY on the revocation channel, plus the snapshot at start and
// after reconnecting) and persists a flag on the profile, so it survives restarts.
import { randomUUID } from 'node:crypto';
import { SignJWT, decodeJwt, importJWK, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@grahvani/shared';
import { loadConfig as loadUsersConfig } from '../subgraphs/users/src/config.ts';
import { createDb as createUsersDb } from '../subgraphs/users/src/db.ts';
import { createServer as createUsersServer } from '../subgraphs/users/src/server.ts';
import { registerAccount } from './fixtures/accounts.ts';
import { createClient } from './fixtures/clients.ts';
import { createUser, makeAdmin, type TestUser } from './fixtures/users.ts';
import { createGraphQLClient, type GraphQLClient } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const USER = `query ($id: ID!) {
  user(id: $id) {
    id followerCount followingCount
    followers(first: 10) { totalCount edges { node { id } } }
    following(first: 10) { totalCount edges { node { id } } }
  }
}`;
const SET_STATUS = `mutation ($id: ID!, $status: UserStatus!) {
  setUserStatus(id: $id, status: $status) { id status }
}`;
const OWNER_ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on User { id authUserId } }
}`;

interface UserView {
  id: string;
  followerCount: number;
  followingCount: number;
  followers: { totalCount: number; edges: { node: { id: string } }[] };
  following: { totalCount: number; edges: { node: { id: string } }[] };
}

let stack: Stack;
let admin: TestUser;
let usersSubgraph: GraphQLClient;

beforeAll(async () => {
  stack = await startStack();
  admin = await makeAdmin(stack, await createUser(stack, 'Admin'));
  usersSubgraph = stack.subgraph('users');
});
afterAll(() => stack?.close());

// Both helpers insist on an answer: a refused request (401, an error) must not pass for a hidden profile.
const view = async (client: GraphQLClient, id: string) => {
  const res = await client.gql<{ user: UserView | null }>(USER, { id });
  expect(res.status).toBe(200);
  expect(res.errors).toBeUndefined();
  return res.data!.user;
};
const ids = (connection: { edges: { node: { id: string } }[] }) =>
  connection.edges.map((e) => e.node.id).sort();
const owner = async (authUserId: string, client = usersSubgraph) => {
  const res = await client.gql<{ _entities: ({ id: string } | null)[] }>(OWNER_ENTITIES, {
    representations: [{ __typename: 'User', authUserId }],
  });
  expect(res.status).toBe(200);
  expect(res.errors).toBeUndefined();
  return res.data!._entities[0] ?? null;
};
const setStatus = async (id: string, status: string) => {
  const res = await stack.gql(SET_STATUS, { id, status }, { token: admin.accessToken });
  expect(res.errors).toBeUndefined();
};
const follow = async (who: TestUser, userId: string) => {
  const res = await stack.gql(
    `mutation ($userId: ID!) { follow(userId: $userId) { id } }`,
    { userId },
    { token: who.accessToken },
  );
  expect(res.errors).toBeUndefined();
};

describe('a DELETED account', () => {
  it('disappears from user(id), follow lists and counts, and Client.owner; restored, it returns', async () => {
    const gone = await createUser(stack, 'Gone');
    const fan = await createUser(stack, 'Fan');
    const idol = await createUser(stack, 'Idol');
    await follow(gone, idol.profileId);
    await follow(fan, gone.profileId);
    await follow(fan, idol.profileId);
    expect(await view(stack, gone.profileId)).not.toBeNull();
    expect(ids((await view(stack, idol.profileId))!.followers)).toEqual(
      [gone.profileId, fan.profileId].sort(),
    );
    expect(await owner(gone.id)).toMatchObject({ id: gone.profileId });

    await setStatus(gone.id, 'DELETED');
    await expect.poll(() => view(stack, gone.profileId), { timeout: 2_000 }).toBeNull();
    const idolView = (await view(stack, idol.profileId))!;
    expect(ids(idolView.followers)).toEqual([fan.profileId]);
    expect(idolView.followers.totalCount).toBe(1);
    expect(idolView.followerCount).toBe(1);
    const fanView = (await view(stack, fan.profileId))!;
    expect(ids(fanView.following)).toEqual([idol.profileId]);
    expect(fanView.followingCount).toBe(1);
    expect(await owner(gone.id)).toBeNull();
    // Nobody can follow it any more.
    const refollow = await stack.gql(
      `mutation ($userId: ID!) { follow(userId: $userId) { id } }`,
      { userId: gone.profileId },
      { token: idol.accessToken },
    );
    expect(refollow.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    await setStatus(gone.id, 'ACTIVE');
    await expect.poll(() => view(stack, gone.profileId), { timeout: 2_000 }).not.toBeNull();
    expect((await view(stack, idol.profileId))!.followerCount).toBe(2);
    expect(ids((await view(stack, fan.profileId))!.following)).toEqual(
      [gone.profileId, idol.profileId].sort(),
    );
    expect(await owner(gone.id)).toMatchObject({ id: gone.profileId });
  });

  it('never gets a visible profile when deleted before it had one', async () => {
    const account = await registerAccount(stack);
    await setStatus(account.id, 'DELETED');
    await expect
      .poll(() => stack.db.users.user.findUnique({ where: { authUserId: account.id } }), {
        timeout: 2_000,
      })
      .toMatchObject({ deletedAt: expect.any(Date) });
    expect(await owner(account.id)).toBeNull();
  });

  it('is hidden by a replica that starts after a deletion it never heard of (and survives restarts)', async () => {
    const missed = await createUser(stack, 'Missed');
    // Deleted without any announcement (as if no users replica had been listening).
    await stack.db.auth.authUser.update({ where: { id: missed.id }, data: { status: 'DELETED' } });
    expect(await view(stack, missed.profileId)).not.toBeNull();
    const config = loadUsersConfig(stack.env);
    const db = createUsersDb(config.databaseUrl, { max: 2 });
    const replica = await createUsersServer({ db, config, logger: createLogger('x', 'silent') });
    try {
      const client = createGraphQLClient(await replica.listen(0), stack.gatewayProof);
      // The replica reconciled at start, before it became ready: persisted for everyone.
      expect(await view(client, missed.profileId)).toBeNull();
      expect(await owner(missed.id, client)).toBeNull();
      expect(await view(stack, missed.profileId)).toBeNull();
    } finally {
      await replica.close();
      await db.$disconnect();
    }
  });

  it('is null as Client.owner through the gateway', async () => {
    const astro = await createUser(stack, 'Astro');
    const client = await createClient(stack, astro.accessToken, { name: 'Kept Client' });
    const OWNER = `query ($id: ID!) { client(id: $id) { name owner { id } } }`;
    const before = await stack.gql(OWNER, { id: client.id }, { token: astro.accessToken });
    expect(before.data).toEqual({
      client: { name: 'Kept Client', owner: { id: astro.profileId } },
    });
    await setStatus(astro.id, 'DELETED');
    // Deletion revoked the astrologer's sessions; a token on a session nobody revoked (signed
    // with the stack's key) still reaches the client book, whose owner is now gone.
    const claims = decodeJwt(astro.accessToken);
    const key = (await importJWK(stack.signingKeys[0]!, 'EdDSA')) as CryptoKey;
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ ...claims, sid: randomUUID(), iat: now, exp: now + 300 })
      .setProtectedHeader({ alg: 'EdDSA', kid: stack.signingKeys[0]!.kid!, typ: 'at+jwt' })
      .sign(key);
    await expect
      .poll(async () => (await stack.gql(OWNER, { id: client.id }, { token })).data, {
        timeout: 2_000,
      })
      .toEqual({ client: { name: 'Kept Client', owner: null } });
  });
});
