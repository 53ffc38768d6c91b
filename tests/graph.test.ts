// The foundation's promise: one query crosses all three subgraphs through the real gateway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount, type TestAccount } from './fixtures/accounts.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const CREATE_CLIENT = /* GraphQL */ `
  mutation CreateClient($input: CreateClientInput!) {
    createClient(input: $input) {
      id
      name
      tags
      owner {
        id
        name
      }
    }
  }
`;

const ME = /* GraphQL */ `
  query {
    me {
      email
      profile {
        account {
          email
        }
        clients(first: 5) {
          totalCount
          edges {
            node {
              name
              owner {
                account {
                  email
                }
              }
            }
          }
        }
      }
    }
  }
`;

describe('the linked graph', () => {
  let stack: Stack;
  let astro: TestAccount;

  beforeAll(async () => {
    stack = await startStack();
    astro = await registerAccount(stack, { name: 'Asha' });
  });
  afterAll(() => stack?.close());

  it('reads me -> profile -> clients -> owner -> account across all three subgraphs', async () => {
    for (const name of ['Rahul Sharma', 'Priya Sharma', 'Meera Iyer']) {
      const created = await stack.gql(
        CREATE_CLIENT,
        { input: { name, tags: ['VIP '] } },
        {
          token: astro.accessToken,
        },
      );
      expect(created.errors).toBeUndefined();
    }
    const res = await stack.gql<{
      me: {
        email: string;
        profile: {
          account: { email: string };
          clients: {
            totalCount: number;
            edges: { node: { name: string; owner: { account: { email: string } } } }[];
          };
        };
      };
    }>(ME, {}, { token: astro.accessToken });
    expect(res.errors).toBeUndefined();
    const me = res.data!.me;
    expect(me.email).toBe(astro.email);
    expect(me.profile.account.email).toBe(astro.email);
    expect(me.profile.clients.totalCount).toBe(3);
    expect(me.profile.clients.edges.map((e) => e.node.name)).toEqual([
      'Meera Iyer',
      'Priya Sharma',
      'Rahul Sharma',
    ]);
    for (const edge of me.profile.clients.edges) {
      expect(edge.node.owner.account.email).toBe(astro.email);
    }
  });

  it('creates the profile on first need from the account name', async () => {
    const fresh = await registerAccount(stack, { name: 'Grace Hopper' });
    const res = await stack.gql<{ me: { profile: { name: string; authUserId: string } } }>(
      '{ me { profile { name authUserId } } }',
      {},
      { token: fresh.accessToken },
    );
    expect(res.data?.me.profile).toEqual({ name: 'Grace Hopper', authUserId: fresh.id });
  });

  it('answers me with null without a token, and with a bad one (flagged as ignored)', async () => {
    const anonymous = await stack.gql<{ me: null }>('{ me { id } }');
    expect(anonymous.data?.me).toBeNull();
    const forged = await stack.gql('{ me { id } }', {}, { token: `${astro.accessToken}x` });
    expect(forged.status).toBe(200);
    expect(forged.data).toEqual({ me: null });
    expect(forged.extensions).toEqual({ tokenIgnored: true });
  });

  it("keeps one astrologer's client book from another", async () => {
    const other = await registerAccount(stack);
    const res = await stack.gql<{ clients: { totalCount: number } }>(
      '{ clients(first: 10) { totalCount } }',
      {},
      { token: other.accessToken },
    );
    expect(res.data?.clients.totalCount).toBe(0);
  });
});
