// Follow, Unfollow, UserById and MyActivity of contract/users.graphql in the users subgraph,
// called as the gateway calls it (tokens minted: the auth service is not started):
// idempotence, counts under concurrency, Relay pages, and the activity trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUserIn,
  type MintedUser,
  usersOperation,
  viewer,
  viewerProfile,
} from './fixtures/users.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startSubgraph, type SubgraphUnderTest } from './helpers/services.ts';

const FOLLOW = usersOperation('Follow');
const UNFOLLOW = usersOperation('Unfollow');
const USER_BY_ID = usersOperation('UserById');
// MyActivity as the gateway sends it to the users subgraph: `me` is the viewer's AuthUser entity.
const MY_ACTIVITY = viewerProfile(
  `activity(first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id action metadata createdAt } }
  }`,
  ', $first: Int, $after: String',
);
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface FollowPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; name: string } }[];
}

let stack: SubgraphUnderTest;
let star: MintedUser;
let fans: MintedUser[];

beforeAll(async () => {
  stack = await startSubgraph('users');
  star = await createUserIn(stack, 'Star');
  fans = [];
  for (let i = 0; i < 3; i += 1) fans.push(await createUserIn(stack, `Fan ${i}`));
});
afterAll(() => stack?.close());

const follow = (who: MintedUser, userId: string) =>
  stack.gql<{ follow: { id: string; followerCount: number } }>(
    FOLLOW,
    { userId },
    { token: who.accessToken },
  );
const unfollow = (who: MintedUser, userId: string) =>
  stack.gql<{ unfollow: { id: string; followerCount: number } }>(
    UNFOLLOW,
    { userId },
    { token: who.accessToken },
  );
const counts = (id: string) =>
  stack.db.users.user.findUniqueOrThrow({
    where: { id },
    select: { followerCount: true, followingCount: true },
  });
const rows = (where: { followerId?: string; followingId?: string }) =>
  stack.db.users.userFollower.count({ where });

describe('Follow and Unfollow', () => {
  it('follows idempotently and returns the followed user with its count', async () => {
    const [fan] = fans as [MintedUser];
    const first = await follow(fan, star.profileId);
    expect(first.data?.follow).toEqual({ id: star.profileId, followerCount: 1 });
    const again = await follow(fan, star.profileId);
    expect(again.data?.follow).toEqual({ id: star.profileId, followerCount: 1 });
    expect(await counts(fan.profileId)).toEqual({ followerCount: 0, followingCount: 1 });
    const off = await unfollow(fan, star.profileId);
    expect(off.data?.unfollow).toEqual({ id: star.profileId, followerCount: 0 });
    const offAgain = await unfollow(fan, star.profileId);
    expect(offAgain.data?.unfollow).toEqual({ id: star.profileId, followerCount: 0 });
    expect(await counts(fan.profileId)).toEqual({ followerCount: 0, followingCount: 0 });
  });

  it('refuses following oneself with BAD_USER_INPUT', async () => {
    expect(errorCodes(await follow(star, star.profileId))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await unfollow(star, star.profileId))).toEqual(['BAD_USER_INPUT']);
    expect(await counts(star.profileId)).toMatchObject({ followingCount: 0 });
  });

  it('answers NOT_FOUND for an unknown user and UNAUTHENTICATED without a token', async () => {
    expect(errorCodes(await follow(star, UNKNOWN_ID))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await follow(star, 'not-an-id'))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await unfollow(star, UNKNOWN_ID))).toEqual(['NOT_FOUND']);
    const anonymous = await stack.gql(FOLLOW, { userId: star.profileId });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('keeps both counts exact under concurrent follows and unfollows', async () => {
    const target = await createUserIn(stack, 'Target');
    const crowd: MintedUser[] = [];
    for (let i = 0; i < 6; i += 1) crowd.push(await createUserIn(stack, `Crowd ${i}`));
    // Everyone follows twice at once, the target follows everyone back at the same moment
    // (opposite lock order), then half unfollow twice at once.
    await Promise.all([
      ...crowd.flatMap((u) => [follow(u, target.profileId), follow(u, target.profileId)]),
      ...crowd.map((u) => follow(target, u.profileId)),
    ]);
    await Promise.all(
      crowd
        .slice(0, 3)
        .flatMap((u) => [unfollow(u, target.profileId), unfollow(u, target.profileId)]),
    );
    expect(await counts(target.profileId)).toEqual({ followerCount: 3, followingCount: 6 });
    expect(await rows({ followingId: target.profileId })).toBe(3);
    for (const [i, u] of crowd.entries()) {
      expect(await counts(u.profileId)).toEqual({
        followerCount: 1,
        followingCount: i < 3 ? 0 : 1,
      });
    }
  });

  it('logs every follow and unfollow in the activity trail', async () => {
    const fan = await createUserIn(stack, 'Logger');
    await follow(fan, star.profileId);
    await follow(fan, star.profileId);
    await unfollow(fan, star.profileId);
    const logs = await stack.db.users.userActivityLog.findMany({
      where: { userId: fan.profileId },
      orderBy: { createdAt: 'asc' },
    });
    expect(logs.map((l) => [l.action, l.metadata])).toEqual([
      ['user.follow', { userId: star.profileId, changed: true }],
      ['user.follow', { userId: star.profileId, changed: false }],
      ['user.unfollow', { userId: star.profileId, changed: true }],
    ]);
  });
});

describe('UserById', () => {
  it('lists followers and following as Relay pages, most recent first', async () => {
    const idol = await createUserIn(stack, 'Idol');
    for (const fan of fans) expect((await follow(fan, idol.profileId)).errors).toBeUndefined();
    await follow(idol, star.profileId);
    const first = await stack.gql<{ user: Record<string, unknown> & { followers: FollowPage } }>(
      USER_BY_ID,
      { id: idol.profileId },
    );
    expect(first.errors).toBeUndefined();
    expect(first.data?.user).toMatchObject({
      id: idol.profileId,
      name: 'Idol',
      followerCount: 3,
      followingCount: 1,
      following: { totalCount: 1, edges: [{ node: { id: star.profileId, name: 'Star' } }] },
    });
    const page = first.data!.user.followers;
    expect(page.totalCount).toBe(3);
    expect(page.edges.map((e) => e.node.name)).toEqual(['Fan 2', 'Fan 1', 'Fan 0']);
    expect(page.pageInfo.hasNextPage).toBe(false);

    // Two at a time, following the cursors.
    const names: string[] = [];
    let after: string | null = null;
    do {
      const res: { data?: { user: { followers: FollowPage } } | null } = await stack.gql(
        'query ($id: ID!, $after: String) { user(id: $id) { followers(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } } } }',
        { id: idol.profileId, after },
      );
      const followers = res.data!.user.followers;
      names.push(...followers.edges.map((e) => e.node.name));
      after = followers.pageInfo.hasNextPage ? followers.pageInfo.endCursor : null;
    } while (after);
    expect(names).toEqual(['Fan 2', 'Fan 1', 'Fan 0']);
  });

  it('refuses first over 100 and malformed cursors with BAD_USER_INPUT', async () => {
    const query =
      'query ($id: ID!, $first: Int, $after: String) { user(id: $id) { id followers(first: $first, after: $after) { totalCount } } }';
    const tooMany = await stack.gql(query, { id: star.profileId, first: 101 });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    const negative = await stack.gql(query, { id: star.profileId, first: -1 });
    expect(errorCodes(negative)).toEqual(['BAD_USER_INPUT']);
    const badCursor = await stack.gql(query, { id: star.profileId, after: 'bm9wZQ' });
    expect(errorCodes(badCursor)).toEqual(['BAD_USER_INPUT']);
    const forged = Buffer.from(JSON.stringify([new Date().toISOString(), 'x'])).toString(
      'base64url',
    );
    const badId = await stack.gql(query, { id: star.profileId, after: forged });
    expect(errorCodes(badId)).toEqual(['BAD_USER_INPUT']);
    const max = await stack.gql(query, { id: star.profileId, first: 100 });
    expect(max.errors).toBeUndefined();
  });
});

describe('MyActivity', () => {
  it('lists the viewer’s own actions newest first, page by page', async () => {
    const me = await createUserIn(stack, 'Active');
    await follow(me, star.profileId);
    await stack.gql(
      usersOperation('UpdateProfile'),
      { input: { bio: 'hello' } },
      { token: me.accessToken },
    );
    await unfollow(me, star.profileId);
    type Page = {
      _entities: [
        {
          profile: {
            activity: {
              pageInfo: { hasNextPage: boolean; endCursor: string };
              edges: { node: { action: string; metadata: Record<string, unknown> } }[];
            };
          };
        },
      ];
    };
    const first = await stack.gql<Page>(
      MY_ACTIVITY,
      { ...viewer(me), first: 2 },
      { token: me.accessToken },
    );
    expect(first.errors).toBeUndefined();
    const page1 = first.data!._entities[0].profile.activity;
    expect(page1.edges.map((e) => e.node.action)).toEqual(['user.unfollow', 'profile.update']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await stack.gql<Page>(
      MY_ACTIVITY,
      { ...viewer(me), first: 2, after: page1.pageInfo.endCursor },
      { token: me.accessToken },
    );
    const page2 = second.data!._entities[0].profile.activity;
    expect(page2.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        action: 'user.follow',
        metadata: { userId: star.profileId, changed: true },
      }),
    ]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses first over 100 with BAD_USER_INPUT', async () => {
    const res = await stack.gql(
      MY_ACTIVITY,
      { ...viewer(star), first: 101 },
      { token: star.accessToken },
    );
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
  });
});
