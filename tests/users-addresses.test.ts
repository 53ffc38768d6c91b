// AddAddress, UpdateAddress and RemoveAddress of contract/users.graphql in the users subgraph,
// called as the gateway calls it (tokens minted: the auth service is not started).
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

const ADD = usersOperation('AddAddress');
const UPDATE = usersOperation('UpdateAddress');
const REMOVE = usersOperation('RemoveAddress');
const EXAMPLE = {
  type: 'HOME',
  line1: "12 St James's Sq",
  city: 'London',
  postalCode: 'SW1Y 4JH',
  country: 'GB',
  isDefault: true,
};

interface Address {
  id: string;
  city: string;
  isDefault: boolean;
}

let stack: SubgraphUnderTest;
let owner: MintedUser;
let stranger: MintedUser;

beforeAll(async () => {
  stack = await startSubgraph('users');
  owner = await createUserIn(stack, 'Owner');
  stranger = await createUserIn(stack, 'Stranger');
});
afterAll(() => stack?.close());

const add = (input: Record<string, unknown>, who = owner) =>
  stack.gql<{ addAddress: Address & Record<string, unknown> }>(
    ADD,
    { input },
    { token: who.accessToken },
  );
const update = (id: string, input: Record<string, unknown>, who = owner) =>
  stack.gql<{ updateAddress: Address }>(UPDATE, { id, input }, { token: who.accessToken });
const remove = (id: string, who = owner) =>
  stack.gql<{ removeAddress: boolean }>(REMOVE, { id }, { token: who.accessToken });
const myAddresses = async (who = owner) => {
  const res = await stack.gql<{ _entities: [{ profile: { addresses: Address[] } }] }>(
    viewerProfile('addresses { id city isDefault }'),
    viewer(who),
    { token: who.accessToken },
  );
  return res.data!._entities[0].profile.addresses;
};
const actions = (who = owner) =>
  stack.db.users.userActivityLog
    .findMany({ where: { userId: who.profileId }, orderBy: { createdAt: 'asc' } })
    .then((logs) => logs.map((l) => l.action));

describe('AddAddress', () => {
  it('adds the contract example as the default address and logs it', async () => {
    const res = await add(EXAMPLE);
    expect(res.errors).toBeUndefined();
    expect(res.data?.addAddress).toEqual({ id: expect.any(String), ...EXAMPLE });
    expect(await actions()).toContain('address.add');
  });

  it('switches the default atomically when a new default is added', async () => {
    const before = await myAddresses();
    const res = await add({ ...EXAMPLE, line1: '1 Royal Crescent', city: 'Bath' });
    const addresses = await myAddresses();
    expect(addresses.filter((a) => a.isDefault).map((a) => a.id)).toEqual([
      res.data!.addAddress.id,
    ]);
    expect(addresses).toHaveLength(before.length + 1);
    // The default comes first.
    expect(addresses[0]?.id).toBe(res.data!.addAddress.id);
  });

  it('keeps one default when several defaults are added at once', async () => {
    const user = await createUserIn(stack, 'Racer');
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => add({ ...EXAMPLE, line1: `${i} Main St` }, user)),
    );
    expect(results.flatMap((r) => errorCodes(r))).toEqual([]);
    const addresses = await myAddresses(user);
    expect(addresses).toHaveLength(5);
    expect(addresses.filter((a) => a.isDefault)).toHaveLength(1);
  });

  it('is backed by the database: a second default row is refused there too', async () => {
    await expect(
      stack.db.users.userAddress.create({
        data: { userId: owner.profileId, line1: 'x', city: 'y', country: 'GB', isDefault: true },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
  });

  it('upper-cases the country and defaults type HOME and isDefault false', async () => {
    const res = await add({ line1: '5 Park St', city: 'Kolkata', country: 'in' });
    expect(res.data?.addAddress).toMatchObject({ type: 'HOME', country: 'IN', isDefault: false });
  });

  it.each([
    ['a blank line1', { line1: '   ' }],
    ['an unknown country', { country: 'XX' }],
    ['a three-letter country', { country: 'GBR' }],
    ['a postal code over 20 characters', { postalCode: '1'.repeat(21) }],
    ['a city over 100 characters', { city: 'c'.repeat(101) }],
    ['an unknown type', { type: 'CASTLE' }],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, bad) => {
    const count = await stack.db.users.userAddress.count({ where: { userId: owner.profileId } });
    expect(errorCodes(await add({ ...EXAMPLE, ...bad }))).toEqual(['BAD_USER_INPUT']);
    expect(await stack.db.users.userAddress.count({ where: { userId: owner.profileId } })).toBe(
      count,
    );
    expect((await myAddresses()).filter((a) => a.isDefault)).toHaveLength(1);
  });

  it('refuses a 21st address with BAD_USER_INPUT', async () => {
    const user = await createUserIn(stack, 'Collector');
    for (let i = 0; i < 20; i += 1) {
      expect((await add({ ...EXAMPLE, isDefault: false }, user)).errors).toBeUndefined();
    }
    expect(errorCodes(await add(EXAMPLE, user))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    const res = await stack.gql(ADD, { input: EXAMPLE });
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('UpdateAddress', () => {
  it('changes only the given fields (the contract example) and logs it', async () => {
    const created = (await add({ ...EXAMPLE, isDefault: false, line2: 'Flat 2' })).data!.addAddress;
    const res = await update(created.id, { city: 'Bath' });
    expect(res.data?.updateAddress).toEqual({ id: created.id, city: 'Bath', isDefault: false });
    const row = await stack.db.users.userAddress.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ line1: EXAMPLE.line1, line2: 'Flat 2', postalCode: 'SW1Y 4JH' });
    expect(await actions()).toContain('address.update');
  });

  it('makes an address the default, replacing the previous one', async () => {
    const created = (await add({ ...EXAMPLE, isDefault: false })).data!.addAddress;
    const res = await update(created.id, { isDefault: true });
    expect(res.data?.updateAddress.isDefault).toBe(true);
    const defaults = (await myAddresses()).filter((a) => a.isDefault);
    expect(defaults.map((a) => a.id)).toEqual([created.id]);
  });

  it('refuses invalid changes with BAD_USER_INPUT', async () => {
    const created = (await add({ ...EXAMPLE, isDefault: false })).data!.addAddress;
    expect(errorCodes(await update(created.id, { city: null }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await update(created.id, { country: 'ZZ' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await update(created.id, { line1: '' }))).toEqual(['BAD_USER_INPUT']);
  });

  it("answers NOT_FOUND for another user's address and for unknown ids", async () => {
    const mine = (await add({ ...EXAMPLE, isDefault: false })).data!.addAddress;
    expect(errorCodes(await update(mine.id, { city: 'Paris' }, stranger))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await update('00000000-0000-4000-8000-000000000000', { city: 'X' }))).toEqual(
      ['NOT_FOUND'],
    );
    expect(errorCodes(await update('nope', { city: 'X' }))).toEqual(['NOT_FOUND']);
    const row = await stack.db.users.userAddress.findUniqueOrThrow({ where: { id: mine.id } });
    expect(row.city).toBe('London');
  });
});

describe('RemoveAddress', () => {
  it('removes the address and logs it', async () => {
    const created = (await add({ ...EXAMPLE, isDefault: false })).data!.addAddress;
    const res = await remove(created.id);
    expect(res.data).toEqual({ removeAddress: true });
    expect((await myAddresses()).map((a) => a.id)).not.toContain(created.id);
    expect(await actions()).toContain('address.remove');
  });

  it("answers NOT_FOUND for another user's address, unknown and removed ids", async () => {
    const created = (await add({ ...EXAMPLE, isDefault: false })).data!.addAddress;
    expect(errorCodes(await remove(created.id, stranger))).toEqual(['NOT_FOUND']);
    expect(await stack.db.users.userAddress.count({ where: { id: created.id } })).toBe(1);
    await remove(created.id);
    expect(errorCodes(await remove(created.id))).toEqual(['NOT_FOUND']);
    const anonymous = await stack.gql(REMOVE, { id: created.id });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});
