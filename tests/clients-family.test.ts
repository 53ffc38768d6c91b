// Family links in the clients subgraph, called as the gateway calls it: both clients of the
// viewer, no self-links, no duplicates, and the reverse link visible from the other client with the inverse relationship.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsOp, createClientIn, firstError } from './fixtures/clients.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startSubgraph, type MintedAccount, type SubgraphUnderTest } from './helpers/services.ts';

interface Link {
  id: string;
  relationshipType: string;
  relatedClient: { id: string; name: string };
}

describe('family links', () => {
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
    const res = await stack.gql<{ client: { familyLinks: Link[] } }>(
      clientsOp('ClientById'),
      { id },
      {
        token: astro.accessToken,
      },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.client;
  }

  it('links two clients; the other side sees the inverse relationship', async () => {
    const parent = await createClientIn(stack, astro.accessToken, { name: 'Parent' });
    const child = await createClientIn(stack, astro.accessToken, { name: 'Child' });
    const res = await gql(clientsOp('LinkFamilyMember'), {
      input: { clientId: child.id, relatedClientId: parent.id, relationshipType: 'PARENT' },
    });
    expect(res.errors).toBeUndefined();
    const link = (res.data as { linkFamilyMember: Link }).linkFamilyMember;
    expect(link).toMatchObject({
      relationshipType: 'PARENT',
      relatedClient: { id: parent.id, name: 'Parent' },
    });
    expect((await read(child.id)).familyLinks).toEqual([link]);
    expect((await read(parent.id)).familyLinks).toEqual([
      { id: link.id, relationshipType: 'CHILD', relatedClient: { id: child.id, name: 'Child' } },
    ]);
  });

  it('refuses self-links, duplicates (either direction) and unknown clients', async () => {
    const a = await createClientIn(stack, astro.accessToken);
    const b = await createClientIn(stack, astro.accessToken);
    const self = await gql(clientsOp('LinkFamilyMember'), {
      input: { clientId: a.id, relatedClientId: a.id, relationshipType: 'SIBLING' },
    });
    expect(firstError(self)).toEqual({ code: 'BAD_USER_INPUT', field: 'relatedClientId' });
    const first = await gql(clientsOp('LinkFamilyMember'), {
      input: { clientId: a.id, relatedClientId: b.id, relationshipType: 'SPOUSE' },
    });
    expect(first.errors).toBeUndefined();
    for (const [clientId, relatedClientId] of [
      [a.id, b.id],
      [b.id, a.id],
    ]) {
      const dup = await gql(clientsOp('LinkFamilyMember'), {
        input: { clientId, relatedClientId, relationshipType: 'SIBLING' },
      });
      expect(errorCodes(dup)).toEqual(['CONFLICT']);
    }
    const unknown = await gql(clientsOp('LinkFamilyMember'), {
      input: {
        clientId: a.id,
        relatedClientId: '00000000-0000-4000-8000-000000000000',
        relationshipType: 'SIBLING',
      },
    });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
  });

  it('refuses a concurrent duplicate in the other direction (unique pair index)', async () => {
    const a = await createClientIn(stack, astro.accessToken);
    const b = await createClientIn(stack, astro.accessToken);
    const results = await Promise.all([
      gql(clientsOp('LinkFamilyMember'), {
        input: { clientId: a.id, relatedClientId: b.id, relationshipType: 'COUSIN' },
      }),
      gql(clientsOp('LinkFamilyMember'), {
        input: { clientId: b.id, relatedClientId: a.id, relationshipType: 'COUSIN' },
      }),
    ]);
    expect(results.map((r) => errorCodes(r)[0] ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
    expect((await read(a.id)).familyLinks).toHaveLength(1);
  });

  it('unlinks both sides (contract UnlinkFamilyMember)', async () => {
    const a = await createClientIn(stack, astro.accessToken);
    const b = await createClientIn(stack, astro.accessToken);
    const linked = await gql(clientsOp('LinkFamilyMember'), {
      input: { clientId: a.id, relatedClientId: b.id, relationshipType: 'GRANDPARENT' },
    });
    const { id } = (linked.data as { linkFamilyMember: Link }).linkFamilyMember;
    const res = await gql(clientsOp('UnlinkFamilyMember'), { id });
    expect(res.data).toEqual({ unlinkFamilyMember: true });
    expect((await read(a.id)).familyLinks).toEqual([]);
    expect((await read(b.id)).familyLinks).toEqual([]);
    expect(errorCodes(await gql(clientsOp('UnlinkFamilyMember'), { id }))).toEqual(['NOT_FOUND']);
  });
});
