// Subgraphs trust only the gateway: without the gateway's secret every subgraph answers 401
// (UNAUTHENTICATED) before GraphQL runs; probes and the public keys stay open; the gateway's
// own requests carry the secret. Representations only select: nothing a caller puts in an
// `_entities` representation is written to the database.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount } from './fixtures/accounts.ts';
import { createUser } from './fixtures/users.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

type Service = 'auth' | 'users' | 'clients';
const SERVICES: Service[] = ['auth', 'users', 'clients'];

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

const post = (url: string | URL, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

async function expectRefused(res: Response) {
  expect(res.status).toBe(401);
  const body = (await res.json()) as { data?: unknown; errors?: { extensions?: object }[] };
  expect(body.data).toBeUndefined();
  expect(body.errors?.map((e) => e.extensions)).toEqual([{ code: 'UNAUTHENTICATED' }]);
}

describe.each(SERVICES)('the %s subgraph', (service) => {
  const url = () => stack.subgraphUrls[service];
  const query = JSON.stringify({ query: '{ __typename }' });

  it('answers 401 UNAUTHENTICATED without the gateway secret, or with a wrong one', async () => {
    await expectRefused(await post(url(), query));
    await expectRefused(await post(url(), query, { 'x-gateway-secret': 'x'.repeat(43) }));
    await expectRefused(await post(url(), query, { 'x-gateway-secret': '' }));
    await expectRefused(await fetch(`${url()}?query=%7B__typename%7D`));
    // Checked before anything else: a malformed body or a valid token change nothing.
    await expectRefused(await post(url(), '{not json'));
    const account = await registerAccount(stack);
    const withToken = { authorization: `Bearer ${account.accessToken}` };
    await expectRefused(await post(url(), query, withToken));
  });

  it('answers the gateway secret', async () => {
    const res = await stack.subgraph(service).gql('{ __typename }');
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ __typename: 'Query' });
  });

  it('keeps /health and /ready open', async () => {
    for (const probe of ['/health', '/ready']) {
      const res = await fetch(new URL(probe, url()));
      expect(res.status, probe).toBe(200);
    }
  });
});

describe('auth routes beside GraphQL', () => {
  it('publishes the JWKS to anyone', async () => {
    const res = await fetch(new URL('/.well-known/jwks.json', stack.subgraphUrls.auth));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
  });

  it('serves the revocation snapshot and stream only with the gateway secret', async () => {
    const snapshot = new URL('/revocations', stack.subgraphUrls.auth);
    const feed = new URL('/revocations/stream', stack.subgraphUrls.auth);
    await expectRefused(await fetch(snapshot));
    await expectRefused(await fetch(feed));
    expect((await fetch(snapshot, { headers: stack.gatewayProof })).status).toBe(200);
    const abort = new AbortController();
    const stream = await fetch(feed, { headers: stack.gatewayProof, signal: abort.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    abort.abort();
  });
});

describe('the gateway', () => {
  it('proves itself to every subgraph on a plan across all three', async () => {
    const user = await createUser(stack, 'Through The Gateway');
    const res = await stack.gql<{ me: { email: string; profile: { clientCount: number } } }>(
      '{ me { email profile { name clientCount } } }',
      {},
      { token: user.accessToken },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.me).toEqual({
      email: user.email,
      profile: { name: 'Through The Gateway', clientCount: 0 },
    });
  });
});

describe('_entities representations', () => {
  const PROFILE = /* GraphQL */ `
    query ($r: [_Any!]!) {
      _entities(representations: $r) {
        ... on AuthUser {
          id
          profile {
            id
            name
          }
        }
      }
    }
  `;

  it('never write the email or name they carry when a profile is created', async () => {
    const id = randomUUID();
    const representation = {
      __typename: 'AuthUser',
      id,
      email: 'attacker@example.com',
      name: 'Forged Name',
    };
    const res = await stack.subgraph('users').gql<{ _entities: unknown[] }>(PROFILE, {
      r: [representation],
    });
    expect(res.errors).toBeUndefined();
    const row = await stack.db.users.user.findUniqueOrThrow({ where: { authUserId: id } });
    expect(row).toMatchObject({ email: null, name: null });
  });

  it("never change an existing profile's email or name", async () => {
    const user = await createUser(stack, 'Real Name');
    const before = await stack.db.users.user.findUniqueOrThrow({ where: { id: user.profileId } });
    expect(before).toMatchObject({ email: user.email, name: 'Real Name' });
    for (const token of [undefined, user.accessToken]) {
      const res = await stack.subgraph('users').gql(
        PROFILE,
        {
          r: [
            { __typename: 'AuthUser', id: user.id, email: 'attacker@example.com', name: 'X' },
            { __typename: 'User', authUserId: user.id, email: 'attacker@example.com' },
          ],
        },
        { token },
      );
      expect(errorCodes(res)).toEqual([]);
    }
    const after = await stack.db.users.user.findUniqueOrThrow({ where: { id: user.profileId } });
    expect(after).toEqual(before);
  });
});
