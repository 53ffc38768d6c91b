// Profiles through the gateway: MyProfile, UpdateProfile and UpdatePreferences of
// contract/users.graphql, profile creation on first need, and the AuthUser <-> User links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount } from './fixtures/accounts.ts';
import { createUser, type TestUser, usersOperation } from './fixtures/users.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const MY_PROFILE = usersOperation('MyProfile');
const UPDATE_PROFILE = usersOperation('UpdateProfile');
const UPDATE_PREFERENCES = usersOperation('UpdatePreferences');

interface Profile {
  id: string;
  name: string | null;
  bio: string | null;
  avatarUrl: string | null;
  gender: string | null;
  dateOfBirth: string | null;
}

let stack: Stack;
let ada: TestUser;

beforeAll(async () => {
  stack = await startStack();
  ada = await createUser(stack, 'Ada Lovelace');
});
afterAll(() => stack?.close());

const updateProfile = (input: Record<string, unknown>, token = ada.accessToken) =>
  stack.gql<{ updateProfile: Profile }>(UPDATE_PROFILE, { input }, { token });

describe('MyProfile', () => {
  it('gives a new account a complete profile without any extra call', async () => {
    const account = await registerAccount(stack, { name: 'Mary Somerville' });
    const res = await stack.gql<{
      me: { id: string; email: string; profile: Record<string, unknown> };
    }>(MY_PROFILE, {}, { token: account.accessToken });
    expect(res.errors).toBeUndefined();
    expect(res.data?.me.profile).toMatchObject({
      name: 'Mary Somerville',
      bio: null,
      avatarUrl: null,
      preferences: {},
      followerCount: 0,
      followingCount: 0,
      addresses: [],
      account: { id: account.id, email: account.email, role: 'USER' },
    });
  });

  it('creates exactly one profile when the first requests arrive together', async () => {
    const account = await registerAccount(stack);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        stack.gql<{ me: { profile: { id: string } } }>(
          '{ me { profile { id } } }',
          {},
          { token: account.accessToken },
        ),
      ),
    );
    const ids = new Set(results.map((r) => r.data?.me.profile.id));
    expect(ids.size).toBe(1);
    expect(await stack.db.users.user.count({ where: { authUserId: account.id } })).toBe(1);
  });

  it("takes the account's email and name from its access token when a mutation creates the profile", async () => {
    const account = await registerAccount(stack, { name: 'Caroline Herschel' });
    const token = account.accessToken;
    const first = await stack.gql(UPDATE_PREFERENCES, { settings: { theme: 'dark' } }, { token });
    expect(first.errors).toBeUndefined();
    const row = await stack.db.users.user.findUniqueOrThrow({ where: { authUserId: account.id } });
    expect(row).toMatchObject({ email: account.email, name: 'Caroline Herschel' });
  });

  it("completes a profile first created for someone else's reference on its owner's first request", async () => {
    const account = await registerAccount(stack, { name: 'Maria Mitchell' });
    const other = await registerAccount(stack);
    // Another account reaches this one's profile first (as Client.owner or User.account would).
    const seen = await stack
      .subgraph('users')
      .gql(
        'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { id } } }',
        { r: [{ __typename: 'User', authUserId: account.id }] },
        { token: other.accessToken },
      );
    expect(seen.errors).toBeUndefined();
    const row = await stack.db.users.user.findUniqueOrThrow({ where: { authUserId: account.id } });
    expect(row).toMatchObject({ email: null, name: null });
    const res = await stack.gql<{ me: { profile: { id: string; email: string; name: string } } }>(
      '{ me { profile { id email name } } }',
      {},
      { token: account.accessToken },
    );
    expect(res.data?.me.profile).toEqual({
      id: row.id,
      email: account.email,
      name: 'Maria Mitchell',
    });
  });

  it('needs a signed-in account', async () => {
    const res = await stack.gql<{ me: null }>(MY_PROFILE);
    expect(res.data?.me).toBeNull();
  });
});

describe('UpdateProfile', () => {
  it('saves the contract example and logs the change', async () => {
    const input = {
      name: 'Ada King',
      bio: 'Vedic astrologer',
      avatarUrl: 'https://example.com/a.png',
      gender: 'female',
      dateOfBirth: '1815-12-10',
    };
    const res = await stack.gql<{ updateProfile: Profile }>(
      UPDATE_PROFILE,
      { input },
      { token: ada.accessToken, headers: { 'user-agent': 'GrahvaniWeb/1.0' } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateProfile).toEqual({ id: ada.profileId, ...input });
    const log = await stack.db.users.userActivityLog.findFirst({
      where: { userId: ada.profileId, action: 'profile.update' },
      orderBy: { createdAt: 'desc' },
    });
    expect(log?.metadata).toEqual({ fields: Object.keys(input) });
    expect(log?.userAgent).toBe('GrahvaniWeb/1.0');
  });

  it('keeps omitted fields and clears fields given as null', async () => {
    await updateProfile({ name: 'Ada King', bio: 'Vedic astrologer', gender: 'female' });
    const res = await updateProfile({ bio: 'Jyotish since 1830', gender: null });
    expect(res.data?.updateProfile).toMatchObject({
      name: 'Ada King',
      bio: 'Jyotish since 1830',
      gender: null,
      dateOfBirth: '1815-12-10',
    });
  });

  it.each([
    ['a malformed URL', { avatarUrl: 'not a url' }],
    ['a non-http URL', { avatarUrl: 'ftp://example.com/a.png' }],
    ['a javascript: URL', { avatarUrl: 'javascript:alert(1)' }],
    ['a future date of birth', { dateOfBirth: '2999-01-01' }],
    ["today's date of birth", { dateOfBirth: new Date().toISOString().slice(0, 10) }],
    ['an impossible date', { dateOfBirth: '2001-02-30' }],
    ['a bio over 2,000 characters', { bio: 'x'.repeat(2001) }],
    ['a name over 200 characters', { name: 'n'.repeat(201) }],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, bad) => {
    const before = await stack.db.users.user.findUniqueOrThrow({ where: { id: ada.profileId } });
    const logs = await stack.db.users.userActivityLog.count({ where: { userId: ada.profileId } });
    const res = await updateProfile({ name: 'Changed', ...bad });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const after = await stack.db.users.user.findUniqueOrThrow({ where: { id: ada.profileId } });
    expect(after).toEqual(before);
    expect(await stack.db.users.userActivityLog.count({ where: { userId: ada.profileId } })).toBe(
      logs,
    );
  });

  it('accepts a bio of exactly 2,000 characters, counted as characters', async () => {
    const bio = '🪐'.repeat(2000);
    const res = await updateProfile({ bio });
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateProfile.bio).toBe(bio);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    const res = await stack.gql(UPDATE_PROFILE, { input: { name: 'Nobody' } });
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('UpdatePreferences', () => {
  const update = (settings: unknown, token = ada.accessToken) =>
    stack.gql<{ updatePreferences: { id: string; preferences: Record<string, unknown> } }>(
      UPDATE_PREFERENCES,
      { settings },
      { token },
    );

  it('replaces the settings object (no merge) and logs the change', async () => {
    await update({ theme: 'light', chart: 'north' });
    const res = await update({ theme: 'dark', ayanamsa: 'lahiri' });
    expect(res.data?.updatePreferences).toEqual({
      id: ada.profileId,
      preferences: { theme: 'dark', ayanamsa: 'lahiri' },
    });
    const me = await stack.gql<{ me: { profile: { preferences: unknown } } }>(
      '{ me { profile { preferences } } }',
      {},
      { token: ada.accessToken },
    );
    expect(me.data?.me.profile.preferences).toEqual({ theme: 'dark', ayanamsa: 'lahiri' });
    const actions = await stack.db.users.userActivityLog.count({
      where: { userId: ada.profileId, action: 'preferences.update' },
    });
    expect(actions).toBeGreaterThanOrEqual(2);
  });

  it('creates the settings row once when first updates arrive together', async () => {
    const fresh = await createUser(stack, 'Racer');
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => update({ n: i }, fresh.accessToken)),
    );
    expect(results.flatMap((r) => errorCodes(r))).toEqual([]);
    expect(await stack.db.users.userPreferences.count({ where: { userId: fresh.profileId } })).toBe(
      1,
    );
  });

  it('refuses more than 16 KB of JSON and keeps the old settings', async () => {
    const res = await update({ notes: 'x'.repeat(16 * 1024) });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const row = await stack.db.users.userPreferences.findUnique({
      where: { userId: ada.profileId },
    });
    expect(row?.settings).toEqual({ theme: 'dark', ayanamsa: 'lahiri' });
  });

  it.each([[[1, 2]], ['dark'], [null]])('refuses the non-object %j', async (settings) => {
    expect(errorCodes(await update(settings))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    const res = await stack.gql(UPDATE_PREFERENCES, { settings: { theme: 'dark' } });
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the links between AuthUser and User', () => {
  it('AuthUser.profile and User.account lead to each other through the gateway', async () => {
    const res = await stack.gql<{
      me: { id: string; profile: { id: string; account: { id: string; email: string } } };
    }>('{ me { id profile { id account { id email } } } }', {}, { token: ada.accessToken });
    expect(res.data?.me).toEqual({
      id: ada.id,
      profile: { id: ada.profileId, account: { id: ada.id, email: ada.email } },
    });
    const back = await stack.gql<{
      user: { account: { id: string; email: string; profile: { id: string } } };
    }>(
      'query ($id: ID!) { user(id: $id) { account { id email profile { id } } } }',
      { id: ada.profileId },
      { token: ada.accessToken },
    );
    expect(back.errors).toBeUndefined();
    expect(back.data?.user.account).toEqual({
      id: ada.id,
      email: ada.email,
      profile: { id: ada.profileId },
    });
  });

  it('resolves User entities by id and by authUserId on the users subgraph', async () => {
    const users = stack.subgraph('users');
    const fresh = await registerAccount(stack);
    const res = await users.gql<{ _entities: ({ id: string; authUserId: string } | null)[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { id authUserId } } }`,
      {
        r: [
          { __typename: 'User', id: ada.profileId },
          { __typename: 'User', authUserId: ada.id },
          // An account without a profile yet gets one on this first need.
          { __typename: 'User', authUserId: fresh.id },
          { __typename: 'User', id: '00000000-0000-4000-8000-000000000000' },
          { __typename: 'User', id: 'not-a-uuid' },
        ],
      },
    );
    expect(res.errors).toBeUndefined();
    const created = await stack.db.users.user.findUniqueOrThrow({
      where: { authUserId: fresh.id },
    });
    expect(res.data?._entities).toEqual([
      { id: ada.profileId, authUserId: ada.id },
      { id: ada.profileId, authUserId: ada.id },
      { id: created.id, authUserId: fresh.id },
      null,
      null,
    ]);
  });

  it('returns null for a soft-deleted profile', async () => {
    const gone = await createUser(stack, 'Gone');
    await stack.db.users.user.update({
      where: { id: gone.profileId },
      data: { deletedAt: new Date() },
    });
    const res = await stack.gql<{ user: null }>(usersOperation('UserById'), {
      id: gone.profileId,
    });
    expect(res.data?.user).toBeNull();
  });

  it('returns null for an unknown user id', async () => {
    const res = await stack.gql<{ user: null }>(usersOperation('UserById'), {
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.user).toBeNull();
  });
});
