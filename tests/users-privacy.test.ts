// Privacy of profiles in the users subgraph, called as the gateway calls it (tokens minted: the
// auth service is not started): another user's profile shows public fields only;
// its private fields (email, preferences, addresses, activity) answer FORBIDDEN (and null),
// UNAUTHENTICATED without a token, and are readable by the user and by ADMINs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserIn, type MintedUser, usersOperation } from './fixtures/users.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startSubgraph, type SubgraphUnderTest } from './helpers/services.ts';

const PRIVATE_FIELDS = ['email', 'preferences', 'addresses', 'activity'];
const FULL_PROFILE = /* GraphQL */ `
  query ($id: ID!) {
    user(id: $id) {
      id
      name
      bio
      followerCount
      email
      preferences
      addresses {
        id
        city
      }
      activity(first: 5) {
        edges {
          node {
            action
          }
        }
      }
    }
  }
`;

let stack: SubgraphUnderTest;
let owner: MintedUser;
let other: MintedUser;
let admin: MintedUser;

beforeAll(async () => {
  stack = await startSubgraph('users');
  owner = await createUserIn(stack, 'Private Person');
  other = await createUserIn(stack, 'Curious');
  admin = await createUserIn(stack, 'Admin', 'ADMIN');
  const token = owner.accessToken;
  await stack.gql(usersOperation('UpdateProfile'), { input: { bio: 'public bio' } }, { token });
  await stack.gql(usersOperation('UpdatePreferences'), { settings: { theme: 'dark' } }, { token });
  await stack.gql(
    usersOperation('AddAddress'),
    { input: { line1: '1 Secret Rd', city: 'Pune', country: 'IN', isDefault: true } },
    { token },
  );
});
afterAll(() => stack?.close());

type Full = { user: Record<string, unknown> };
const read = (token?: string) => stack.gql<Full>(FULL_PROFILE, { id: owner.profileId }, { token });

describe('private fields', () => {
  it('are all readable by the user', async () => {
    const res = await read(owner.accessToken);
    expect(res.errors).toBeUndefined();
    expect(res.data?.user).toMatchObject({
      email: owner.email,
      preferences: { theme: 'dark' },
      addresses: [{ city: 'Pune' }],
    });
  });

  it("answer FORBIDDEN and null on another user's profile, public fields unaffected", async () => {
    const res = await read(other.accessToken);
    expect(res.data?.user).toMatchObject({
      id: owner.profileId,
      name: 'Private Person',
      bio: 'public bio',
      followerCount: 0,
      email: null,
      preferences: null,
      addresses: null,
      activity: null,
    });
    expect(errorCodes(res)).toEqual(PRIVATE_FIELDS.map(() => 'FORBIDDEN'));
    expect(res.errors?.map((e) => e.path?.at(-1)).sort()).toEqual([...PRIVATE_FIELDS].sort());
    expect(JSON.stringify(res)).not.toContain('Pune');
    expect(JSON.stringify(res)).not.toContain(owner.email);
  });

  it('answer UNAUTHENTICATED without a token, public fields still served', async () => {
    const res = await read();
    expect(res.data?.user).toMatchObject({ name: 'Private Person', email: null, addresses: null });
    expect(errorCodes(res)).toEqual(PRIVATE_FIELDS.map(() => 'UNAUTHENTICATED'));
  });

  it('are readable by an ADMIN', async () => {
    const res = await read(admin.accessToken);
    expect(res.errors).toBeUndefined();
    expect(res.data?.user).toMatchObject({
      email: owner.email,
      preferences: { theme: 'dark' },
      addresses: [{ city: 'Pune' }],
    });
    const activity = res.data?.user.activity as { edges: { node: { action: string } }[] };
    expect(activity.edges.map((e) => e.node.action)).toEqual([
      'address.add',
      'preferences.update',
      'profile.update',
    ]);
  });

  it("stay private when reached through followers of someone's public profile", async () => {
    await stack.gql(
      usersOperation('Follow'),
      { userId: other.profileId },
      {
        token: owner.accessToken,
      },
    );
    const res = await stack.gql<{
      user: { followers: { edges: { node: { name: string; email: string | null } }[] } };
    }>(
      'query ($id: ID!) { user(id: $id) { followers(first: 5) { edges { node { name email } } } } }',
      { id: other.profileId },
      { token: other.accessToken },
    );
    expect(res.data?.user.followers.edges).toEqual([
      { node: { name: 'Private Person', email: null } },
    ]);
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });
});
