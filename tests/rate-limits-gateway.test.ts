// Issue 15: the gateway's request rate (HTTP 429 with Retry-After, before any GraphQL work),
// mutations per account in the subgraphs, and the "done when" loop: sign-ups, mailed links and
// new clients from one address are slowed to the configured rates while another address is
// served normally.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount } from './fixtures/accounts.ts';
import { op } from './fixtures/clients.ts';
import { createMailDir } from './fixtures/mail.ts';
import {
  from,
  fromNewAddresses,
  isRateLimited,
  newAddress,
  retryAfterOf,
  runOut,
} from './fixtures/rateLimits.ts';
import { createUser, makeAdmin } from './fixtures/users.ts';
import { errorCodes, type GraphQLResponse } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const PER_ADDRESS = 40;
const PER_ACCOUNT = 10;
const MUTATIONS = 3;
const SIGN_UPS = 3;
const MAIL_REQUESTS = 3;

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({
    env: {
      RATE_LIMITS: 'on',
      RATE_LIMIT_REQUESTS_PER_MINUTE: String(PER_ADDRESS),
      RATE_LIMIT_ACCOUNT_REQUESTS_PER_MINUTE: String(PER_ACCOUNT),
      RATE_LIMIT_MUTATIONS_PER_MINUTE: String(MUTATIONS),
      RATE_LIMIT_REGISTER_PER_HOUR: String(SIGN_UPS),
      RATE_LIMIT_MAIL_REQUESTS_PER_HOUR: String(MAIL_REQUESTS),
      MAIL_DIR: await createMailDir(),
    },
  });
});
afterAll(() => stack?.close());

interface RawResponse extends GraphQLResponse<unknown> {
  retryAfterHeader: string | null;
}

/** POSTs `{ __typename }` (or `query`) to the gateway from `address`, keeping the headers. */
async function post(
  address: string,
  token?: string,
  query = '{ __typename }',
): Promise<RawResponse> {
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': address,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as Omit<GraphQLResponse<unknown>, 'status'>;
  return { status: res.status, ...body, retryAfterHeader: res.headers.get('retry-after') };
}
const is429 = (res: RawResponse) => res.status === 429;

/** A fresh account registered from an address of its own. */
const account = () => registerAccount(fromNewAddresses(stack));
/** An ADMIN, set up from addresses of its own. */
const newAdmin = async () => {
  const setUp = fromNewAddresses(stack);
  return makeAdmin(setUp, await createUser(setUp));
};

const createClient = (address: string, token: string) =>
  stack.gql(
    op('CreateClient'),
    { input: { name: `Client ${randomUUID()}` } },
    from(address, token),
  );

describe('the gateway request rate', () => {
  it('refuses an address past its rate with 429, Retry-After and a GraphQL error; others are served', async () => {
    const address = newAddress();
    const refused = await runOut(PER_ADDRESS, () => post(address), is429);
    expect(refused.data).toBeUndefined();
    expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
    const retryAfter = retryAfterOf(refused, 60);
    expect(refused.retryAfterHeader).toBe(String(retryAfter));
    // Refused whole: a mutation from that address reaches no subgraph either.
    expect((await post(address, undefined, 'mutation { logout }')).status).toBe(429);
    expect(await post(newAddress())).toMatchObject({ status: 200, data: { __typename: 'Query' } });
    // A web app can read when to try again: the 429 carries CORS headers exposing Retry-After.
    const fromBrowser = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': address,
        origin: 'http://localhost:3000',
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(fromBrowser.status).toBe(429);
    expect(fromBrowser.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(fromBrowser.headers.get('access-control-expose-headers')).toContain('retry-after');
  });

  it('counts a signed-in account on its own: its address being flooded does not stop it', async () => {
    const admin = await newAdmin();
    const address = newAddress();
    await runOut(PER_ADDRESS, () => post(address), is429);
    const me = await post(address, admin.accessToken, '{ me { id role } }');
    expect(me).toMatchObject({ status: 200, data: { me: { id: admin.id, role: 'ADMIN' } } });
  });

  it('limits an account from any number of addresses', async () => {
    const { accessToken } = await account();
    const refused = await runOut(PER_ACCOUNT, () => post(newAddress(), accessToken), is429);
    expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
    retryAfterOf(refused, 60);
    expect((await post(newAddress())).status).toBe(200);
  });
});

describe('mutations per account', () => {
  it('refuses the field past the rate, for this account only', async () => {
    const address = newAddress();
    const [first, second] = [await account(), await account()];
    const refused = await runOut(MUTATIONS, () => createClient(address, first.accessToken));
    expect(refused.status).toBe(200);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.path).toEqual(['createClient']);
    retryAfterOf(refused, 60);
    // Same address, another account: served.
    expect(errorCodes(await createClient(address, second.accessToken))).toEqual([]);
  });

  it('counts in every subgraph: follow and unfollow in the users subgraph', async () => {
    const setUp = fromNewAddresses(stack);
    const [fan, star] = [await createUser(setUp), await createUser(setUp)];
    const toggle = async (i: number) => {
      const res = await stack.gql(
        i % 2
          ? 'mutation ($id: ID!) { unfollow(userId: $id) { id } }'
          : 'mutation ($id: ID!) { follow(userId: $id) { id } }',
        { id: star.profileId },
        from(newAddress(), fan.accessToken),
      );
      if (!isRateLimited(res)) expect(errorCodes(res)).toEqual([]);
      return res;
    };
    const refused = await runOut(MUTATIONS, toggle);
    expect(String(refused.errors?.[0]?.path?.[0])).toMatch(/^(un)?follow$/);
    retryAfterOf(refused, 60);
  });

  it('limits an ADMIN too, but only by the admin’s own mutations', async () => {
    const admin = await newAdmin();
    const target = await account();
    const setStatus = (status: string) =>
      stack.gql(
        'mutation ($id: ID!, $status: UserStatus!) { setUserStatus(id: $id, status: $status) { id } }',
        { id: target.id, status },
        from(newAddress(), admin.accessToken),
      );
    // Others' traffic exhausts their own counters, not the admin's.
    const other = await account();
    await runOut(MUTATIONS, () => createClient(newAddress(), other.accessToken));
    expect(errorCodes(await setStatus('ACTIVE'))).toEqual([]);
    const refused = await runOut(MUTATIONS - 1, (i) => setStatus(i % 2 ? 'ACTIVE' : 'SUSPENDED'));
    retryAfterOf(refused, 60);
  });
});

describe('done when', () => {
  const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }`;
  const MAGIC_LINK = `mutation ($email: String!) { requestMagicLink(email: $email) }`;
  const register = (address: string) =>
    stack.gql<{ register: { accessToken: string } | null }>(
      REGISTER,
      {
        input: {
          email: `loop-${randomUUID()}@example.com`,
          password: 'correct horse battery staple',
          name: 'Loop',
        },
      },
      from(address),
    );
  const requestLink = (address: string) =>
    stack.gql(MAGIC_LINK, { email: `loop-${randomUUID()}@example.com` }, from(address));

  it('slows a sign-up, mail and client loop from one address; another address is served meanwhile', async () => {
    const abuser = newAddress();
    const bystander = newAddress();
    const tokens: string[] = [];

    const signUp = await runOut(SIGN_UPS, async () => {
      const res = await register(abuser);
      if (res.data?.register) tokens.push(res.data.register.accessToken);
      return res;
    });
    retryAfterOf(signUp, 3600);
    const bystanderSignUp = await register(bystander);
    expect(errorCodes(bystanderSignUp)).toEqual([]);

    retryAfterOf(await runOut(MAIL_REQUESTS, () => requestLink(abuser)), 3600);
    expect((await requestLink(bystander)).data).toEqual({ requestMagicLink: true });

    retryAfterOf(await runOut(MUTATIONS, () => createClient(abuser, tokens[0]!)), 60);
    const bystanderToken = bystanderSignUp.data?.register?.accessToken ?? '';
    expect(isRateLimited(await createClient(bystander, bystanderToken))).toBe(false);
    expect(errorCodes(await createClient(bystander, bystanderToken))).toEqual([]);
  });
});
